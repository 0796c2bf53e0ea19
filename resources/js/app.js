/**
 * Pages work without JavaScript; nothing to enhance yet.
 */
export {}

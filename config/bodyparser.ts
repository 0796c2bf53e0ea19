import { defineConfig } from '@adonisjs/core/bodyparser'

/**
 * How request bodies are parsed: forms, JSON and multipart uploads, each bounded (the
 * longest text a form takes is 5,000 characters; a room's photo at most 3 MB): a larger
 * body is refused before it is read, with a French message (app/exceptions/handler.ts).
 */
const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    limit: '128kb',
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
  },
  json: {
    limit: '64kb',
    convertEmptyStringsToNull: true,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '5mb',
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig

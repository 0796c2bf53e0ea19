/*
|--------------------------------------------------------------------------
| View globals
|--------------------------------------------------------------------------
|
| Formatting helpers for templates: dates in fr-FR shown in Europe/Paris,
| money from integer cents.
|
*/
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
} from '#helpers/formatting'
import { HISTORY_LABELS } from '#helpers/history_labels'

edge.global('formatDate', formatDate)
edge.global('formatDateTime', formatDateTime)
edge.global('formatMoney', formatMoney)
edge.global('formatNumber', formatNumber)
edge.global('formatPercent', formatPercent)
edge.global('historyLabels', HISTORY_LABELS)

/**
 * Edge's "supercharged" components plugin lists the component files on disk before every
 * render unless the Edge instance was created with its cache on; the provider only turns
 * the cache on afterwards, so in production the listing ran at each page (12 % of the CPU
 * of a booking under load). Templates never change while a built app runs: list them once.
 */
if (app.inProduction) {
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  let components: ReturnType<typeof listComponents> | undefined
  edge.loader.listComponents = () => (components ??= listComponents())
}

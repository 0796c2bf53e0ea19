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
  formatMonth,
  formatSpan,
  formatMoney,
  formatNumber,
  formatPercent,
  formatSiret,
} from '#helpers/formatting'
import { HISTORY_LABELS } from '#helpers/history_labels'
import { historyValue } from '#helpers/history'
import { listComponentsOnce } from '#helpers/edge_components_listed_once'

edge.global('formatDate', formatDate)
edge.global('formatMonth', formatMonth)
edge.global('formatSpan', formatSpan)
edge.global('formatDateTime', formatDateTime)
edge.global('formatMoney', formatMoney)
edge.global('formatNumber', formatNumber)
edge.global('formatPercent', formatPercent)
edge.global('formatSiret', formatSiret)
edge.global('historyLabels', HISTORY_LABELS)
edge.global('historyValue', historyValue)

/** Component files listed once in production (app/helpers/edge_components_listed_once.ts). */
if (app.inProduction) listComponentsOnce(edge)

import app from '@adonisjs/core/services/app'
import { defineConfig, loaders } from '@adonisjs/i18n'
import { CompiledIcuFormatter } from '#helpers/i18n_formatter'

/**
 * French first; English a click away. Messages live in resources/lang/{fr,en}.
 */
const i18nConfig = defineConfig({
  defaultLocale: 'fr',
  supportedLocales: ['fr', 'en'],
  fallbackLocales: { en: 'fr' },
  // ICU messages, each compiled once (app/helpers/i18n_formatter.ts).
  formatter: () => new CompiledIcuFormatter(),
  loaders: [
    loaders.fs({
      location: app.languageFilesPath(),
    }),
  ],
})

export default i18nConfig

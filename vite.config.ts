import { defineConfig } from 'vite'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    adonisjs({
      /**
       * Entry points of your application. Each entrypoint will
       * result in a separate bundle.
       */
      entryPoints: ['resources/css/app.css', 'resources/js/app.js', 'resources/js/dashboard.js'],

      /**
       * Paths to watch and reload the browser on file change
       */
      reload: ['resources/views/**/*.edge'],
    }),
  ],
  server: {
    watch: {
      ignored: ['**/storage/**', '**/tmp/**'],
    },
    /**
     * The development server reads the styles, scripts and dependencies, nothing else of
     * the project (the app's DevAssetsMiddleware also only passes those addresses to it).
     */
    fs: {
      strict: true,
      allow: ['resources/css', 'resources/js', 'node_modules'],
    },
  },
})

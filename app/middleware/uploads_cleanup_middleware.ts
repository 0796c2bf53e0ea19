import { unlink } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'

/** Every file of a request, however its fields are nested ("photos[]", "a[b]"). */
function filesIn(value: unknown): MultipartFile[] {
  if (!value || typeof value !== 'object') return []
  if ('tmpPath' in value && 'state' in value) return [value as MultipartFile]
  return Object.values(value).flatMap(filesIn)
}

/**
 * The body parser writes each uploaded file to the system's temporary directory and never
 * removes it: an upload the request refused (a file that is not an image, one too large, a
 * form with another error) stayed there for good. Once the request is answered, whatever a
 * controller did not move away is removed.
 */
export default class UploadsCleanupMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    try {
      return await next()
    } finally {
      const left = filesIn(ctx.request.allFiles()).filter(
        (file) => file.tmpPath && file.state !== 'moved'
      )
      await Promise.all(left.map((file) => unlink(file.tmpPath!).catch(() => {})))
    }
  }
}

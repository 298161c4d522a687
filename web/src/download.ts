// A file download started on a page: fetched through the API (client.download or an api
// module), then saved by the browser. Never throws: a failure is shown as the server's Chinese
// message, so a page only sets its button's spinner around the call.
import { ElMessage } from 'element-plus'
import { saveFile } from './api/client'

export async function saveDownload(fetching: Promise<{ blob: Blob; fileName: string }>): Promise<void> {
  try {
    const { blob, fileName } = await fetching
    saveFile(blob, fileName)
  } catch (e) {
    ElMessage.error((e as Error).message)
  }
}

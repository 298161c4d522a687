import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, setTransport } from '@/api/client'
import { downloadBatch, downloadDocx } from '@/api/documents'
import { fake, json } from './fake-server'

afterEach(() => setTransport(null))

describe('documents api', () => {
  const file = () => new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
    status: 200,
    headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E6%A3%80%E5%AF%9F%E6%84%8F%E8%A7%81%E4%B9%A6.docx" },
  })
  it('downloads one DOCX', async () => {
    const seen = fake(file)
    const r = await downloadDocx(12)
    expect(seen[0].url).toBe('/api/documents/12/docx')
    expect(r.fileName).toBe('检察意见书.docx')
    expect(new Uint8Array(await r.blob.arrayBuffer())[0]).toBe(0x50)
  })
  it('downloads many as one ZIP with ids as a comma list', async () => {
    const seen = fake(file)
    await downloadBatch([1, 2, 3])
    expect(seen[0].url).toBe('/api/documents/batch?ids=1%2C2%2C3')
  })
  it('reports a draft that cannot be downloaded', async () => {
    fake(() => json(400, { error: { code: 'failed_precondition', message: '文书 3 尚未签发，不能下载正式文本' } }))
    const e = (await downloadDocx(3).catch((x) => x)) as ApiError
    expect(e.message).toContain('尚未签发')
  })
})

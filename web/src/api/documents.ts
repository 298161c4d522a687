// Issued legal documents (src/api/routes_documents.cc): one as DOCX, many as a ZIP.
import { download } from './client'

export const downloadDocx = (docId: number) => download(`/api/documents/${docId}/docx`)

/** ids=1,2,3 — the server splits the comma list (QueryList). */
export const downloadBatch = (docIds: number[]) => download('/api/documents/batch', { ids: docIds.join(',') })

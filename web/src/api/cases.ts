// Supervision cases and proposal reviews (src/api/routes_cases.cc): list, one case with
// everything attached, actions of the case state machine, deadline extension, evidence, 回头看,
// the due-soon / overdue deadlines and the Excel export.
import { get, post, request, download, type Query } from './client'

export interface CaseRow {
  case_id: number
  case_no: string
  case_type: string
  case_type_label: string
  state: string
  state_label: string
  outcome: string
  outcome_label: string
  handling_org_id: string
  issuing_org_id: string
  subject_org_id: string
  person_id: string
  change_id: string
  parent_case_id: number | null
  title: string
  summary: string
  handler_id: number | null
  accepted_on: string
  closed_on: string
  version: number
}

/** What the review queue shows of a proposal review, read by the server from the case card. */
export interface ReviewBrief {
  change_type: string // commutation | parole | temp_release | …
  change_type_label: string // 减刑 / 假释 / 暂予监外执行 …
  verdict: string // lawful | violation | needs_review
  verdict_label: string
  risks: number | null
  person_name: string
  proposing_org_id: string
  proposing_org_name: string
}

export interface CaseListItem extends CaseRow {
  person_name: string
  next_due: string
  overdue: boolean
  /** Proposal reviews only. */
  review?: ReviewBrief
}

export interface CaseList {
  total: number
  items: CaseListItem[]
}

export interface CaseFilter {
  state?: string[]
  type?: string[]
  person?: string
  handler?: number | null
  q?: string
  /** 'deadline': the next open deadline first, cases without one last; default newest first. */
  sort?: 'deadline'
  limit?: number
  offset?: number
}

export interface Deadline {
  deadline_id: number
  kind: string
  rule: string
  label: string
  from: string
  due: string
  extended: boolean
  met_on: string
  cancelled: boolean
  overdue: boolean
  met_late: boolean
}

export interface CaseEvent {
  at: number | string
  user_id: number | null
  action: string
  from: string
  to: string
  detail: Record<string, unknown> | null
}

export interface CaseDocument {
  doc_id: number
  kind: string
  state: string // draft | pending_approval | issued
  doc_no: string
  issued_on: string
  content: DocumentContent | null
}

export interface BasisItem {
  rule_id: string
  citation: string
  text: string
}

/** report::LegalDocument as JSON (src/api/document_json.cc); only these keys are accepted. */
export interface DocumentContent {
  kind?: string
  issuing_org?: string
  doc_no?: string
  issued_on?: string
  addressee?: string
  case_no?: string
  subject?: string
  facts?: string[]
  authority?: string[]
  reasons?: string[]
  suggestions?: string[]
  requirement?: string
  reply_deadline?: string
  objection_deadline?: string
  attachments?: string[]
  contact?: string
  basis?: BasisItem[]
  proposal?: {
    person: string
    person_info: string
    proposing_org: string
    proposed_on: string
    proposal: string
    opinion: string
  } | null
  ruling?: {
    court: string
    ruling_no: string
    ruled_on: string
    received_on: string
    person: string
    ruling: string
  } | null
}

export interface Reply {
  reply_id: number
  doc_id: number | null
  received_on: string
  adoption: string // adopted | rejected
  content: string
}

export interface Evidence {
  evidence_id: number
  kind: string // reply | rectification | investigation
  title: string
  file_name: string
  content_type: string
  size: number
  sha256: string
  uploaded_at: number | string
}

export interface FollowUp {
  at: number | string
  run_no: number | null
  rectified: boolean
  detail: Record<string, unknown> | null
}

export interface CaseAction {
  action: string
  label: string
  duty: string
}

export interface Finding {
  rule: string
  severity: string // violation | warning | missing | info
  text: string
  values?: Record<string, unknown>
}

export interface CardAttachment {
  attachment_id: string
  doc_type: string
  file: string
  label: string
  pages: number
  sha256: string
  title: string
}

/** The proposal review's card (workflow/casework.cc intake). */
export interface ReviewCard {
  as_of?: string
  attachments?: CardAttachment[]
  change_id?: string
  change_type?: string
  computed_term_end?: string
  eligibility?: {
    commutation?: string
    commutation_from?: string
    commutation_rule?: string
    parole?: string
    parole_from?: string
    parole_rule?: string
  }
  findings?: Finding[]
  proposal?: {
    basis?: string
    change_type?: string
    new_term_end?: string
    proposal_date?: string
    reason_text?: string
    reduction_days?: number
    reduction_months?: number
  }
  risk_points?: { rule: string; text: string }[]
  sentence?: {
    crimes?: string[]
    effective_date?: string
    penalty?: string
    sentence_id?: string
    term_months?: number
  }
  ruling?: Record<string, unknown>
  verdict?: string
  verdict_label?: string
  missing?: string[]
}

export interface CaseDetail extends CaseRow {
  person_name: string
  facts: { paragraphs?: string[]; model?: string } | null
  basis: string[] | null
  card: ReviewCard | null
  clue_nos: number[]
  events: CaseEvent[]
  deadlines: Deadline[]
  documents: CaseDocument[]
  replies: Reply[]
  evidence: Evidence[]
  follow_ups: FollowUp[]
  actions: CaseAction[]
}

export interface ActionRequest {
  action: string
  version: number
  note?: string
  reply_content?: string
  received_on?: string
  ruling_date?: string
  document?: DocumentContent
}

export interface ActionResult {
  case_id: number
  version: number
  opened_case_id?: number
  doc_id?: number
}

export interface FollowUpResult {
  case_id: number
  version: number
  run_no: number
  rectified: boolean
  clues: { clue_no: number; status: string }[]
}

export interface DueDeadline extends Deadline {
  case_id: number
  case_no: string
  case_type: string
  case_state: string
  title: string
  days_left: number
}

export interface DueList {
  today: string
  overdue: DueDeadline[]
  due_soon: DueDeadline[]
}

export interface BatchResult {
  done: number
  results: { case_id: number; ok: boolean; version?: number; doc_id?: number; status?: number; error?: { code?: string; message?: string } }[]
}

function filterQuery(f: CaseFilter): Query {
  return {
    state: f.state,
    type: f.type,
    person: f.person,
    handler: f.handler ?? undefined,
    q: f.q?.trim(),
    sort: f.sort,
    limit: f.limit,
    offset: f.offset,
  }
}

export const listCases = (f: CaseFilter = {}, signal?: AbortSignal) =>
  get<CaseList>('/api/cases', filterQuery(f), signal)

export const getCase = (caseId: number | string) => get<CaseDetail>(`/api/cases/${encodeURIComponent(String(caseId))}`)

export const actOnCase = (caseId: number, req: ActionRequest) =>
  post<ActionResult>(`/api/cases/${caseId}/actions`, req)

export const batchAct = (action: string, items: { case_id: number; version: number }[], note?: string) =>
  post<BatchResult>('/api/cases/batch', { action, items, note })

export const extendDeadline = (caseId: number, deadlineId: number, version: number, reason: string) =>
  post<{ case_id: number; version: number }>(`/api/cases/${caseId}/deadlines/${deadlineId}/extend`, { version, reason })

export const followUp = (caseId: number, version: number) =>
  post<FollowUpResult>(`/api/cases/${caseId}/follow-up`, { version })

/** Uploads one file as the raw request body; the metadata goes in the query. */
export const uploadEvidence = (
  caseId: number,
  meta: { version: number; kind: string; title: string; file_name: string },
  file: Blob,
) =>
  request<{ evidence_id: number }>('POST', `/api/cases/${caseId}/evidence`, {
    query: { ...meta },
    body: file,
    contentType: file.type || 'application/octet-stream',
  })

export const downloadEvidence = (evidenceId: number) => download(`/api/evidence/${evidenceId}`)

export const downloadAttachment = (attachmentId: string) =>
  download(`/api/attachments/${encodeURIComponent(attachmentId)}`)

export const listDeadlines = (within?: number, limit?: number) =>
  get<DueList>('/api/deadlines', { within, limit })

export const exportCases = (f: CaseFilter = {}) => {
  const q = filterQuery(f)
  delete q.limit
  delete q.offset
  return download('/api/cases.xlsx', q)
}

/** The document a case works on now: the latest draft / pending one, else the latest issued. */
export function currentDocument(docs: CaseDocument[]): CaseDocument | null {
  for (let i = docs.length - 1; i >= 0; i--) {
    if (docs[i].state === 'draft' || docs[i].state === 'pending_approval') return docs[i]
  }
  return docs.length ? docs[docs.length - 1] : null
}

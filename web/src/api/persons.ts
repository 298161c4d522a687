// Persons (src/api/routes_people.cc): search in the jurisdiction and one person's record —
// every sentence with the law engine's judgment (law::ToJson) and its explanation, the records
// from the exchange data (contract A3 `records`), clues, cases and who viewed it.
import { get } from './client'
import type { Finding } from './cases'

export interface PersonBrief {
  person_id: string
  name: string
  id_number: string
  gender: string
  birth_date: string
  // Not sent yet by the search route; shown when present.
  household_region_code?: string
  household_name?: string
  case_nos?: string[]
}

export interface ChangeJudgment {
  change_id: string
  type: string // 减刑 / 假释 / 暂予监外执行 … (Chinese label)
  verdict: string // lawful | violation | needs_review
  regime: string
  embezzlement_2019: boolean
  term_end_before: string | null
  term_end_after: string | null
  findings: Finding[]
}

export interface SentenceJudgment {
  person_id: string
  sentence_id: string
  as_of: string
  verdict: string
  delivery_date: string | null
  credited_start: string | null
  computed_term_end: string | null
  current_term_end: string | null
  uncounted_days: number
  release_due: string | null
  sentence: { verdict: string; findings: Finding[] }
  changes: ChangeJudgment[]
  eligibility: {
    commutation: string
    commutation_from: string | null
    commutation_cap: string | null
    commutation_rule: string
    parole: string
    parole_from: string | null
    parole_rule: string
    pending_proposal: boolean
  }
  timeline: string
  // Sentence facts, if the route adds them (court, crimes, penalty, term).
  court_name?: string
  case_no?: string
  crimes?: string[]
  penalty?: string
  term_months?: number
  term_start?: string
  term_end?: string
}

export interface PersonRecords {
  custody?: { date: string; event: string; facility_org_id: string; facility_name: string; note: string }[]
  points?: {
    month: string
    facility_name: string
    base: number | null
    bonus: number | null
    deduction: number | null
    total: number | null
    rating: string
    rating_label: string
  }[]
  rewards?: { date: string; kind: string; kind_label: string; days: number | null; reason: string; facility_name: string }[]
  jobs?: {
    start_date: string | null
    end_date: string | null
    unit: string
    post: string
    post_class: string
    post_class_label: string
    facility_name: string
  }[]
  accounts?: { month: string; deposits: number | null; spending: number | null; balance: number | null }[]
  property?: {
    exec_id: string
    sentence_id: string
    court_name: string
    filed_date: string | null
    amount_due: number | null
    status: string
    status_label: string
    paid: number
    payments: { date: string; amount: number; source: string; source_label: string }[]
  }[]
  corrections?: {
    correction_id: string
    correction_type: string
    office_name: string
    residence_region_code: string
    residence_name: string
    start_date: string | null
    end_date: string | null
    reported_date: string | null
    status: string
    status_label: string
    monitored: boolean | null
    events: { date: string; event: string; note: string }[]
    leaves: {
      leave_id: string
      start_ts: string
      end_ts: string
      destination_region_code: string
      destination_name: string
      status: string
      returned_ts: string | null
    }[]
  }[]
}

export interface PersonClue {
  clue_no: number
  model: string
  title: string
  summary: string
  severity: string
  status: string
  triage_state: string
}

export interface PersonCase {
  case_id: number
  case_no: string
  case_type: string
  title: string
  state: string
  state_label: string
}

export interface Viewer {
  at: number | string
  username: string
  action: string
  ip: string
}

export interface PersonDetail extends PersonBrief {
  as_of: string
  sentences: SentenceJudgment[]
  records?: PersonRecords
  clues: PersonClue[]
  cases: PersonCase[]
  viewers: Viewer[]
}

export const searchPersons = (q: string, limit?: number, signal?: AbortSignal) =>
  get<{ items: PersonBrief[] }>('/api/persons', { q: q.trim(), limit }, signal)

export const getPerson = (personId: string) => get<PersonDetail>(`/api/persons/${encodeURIComponent(personId)}`)

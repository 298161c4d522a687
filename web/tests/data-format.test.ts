import { describe, expect, it } from 'vitest'
import {
  AUDIT_OBJECT_LABELS, EXCHANGE_TABLE_LABELS, IMPORT_OUTCOME_LABELS, JOB_STATE_LABELS, MODEL_FAMILY_LABELS,
  auditActionLabel, formatDuration, formatRatio,
} from '@/format'

describe('data / reports / admin formatters', () => {
  it('formatRatio shows — without a denominator', () => {
    expect(formatRatio(3, 4)).toBe('75.0%')
    expect(formatRatio(0, 5)).toBe('0.0%')
    expect(formatRatio(0, 0)).toBe('—')
    expect(formatRatio(null, 3)).toBe('—')
  })

  it('formatDuration', () => {
    expect(formatDuration(850)).toBe('0.9秒')
    expect(formatDuration(0)).toBe('0.0秒')
    expect(formatDuration(65000)).toBe('1分5秒')
    expect(formatDuration(null)).toBe('—')
  })

  it('audit actions in words, unknown codes as they are', () => {
    expect(auditActionLabel('login')).toBe('登录')
    expect(auditActionLabel('clue_promote')).toBe('线索立案')
    expect(auditActionLabel('something_new')).toBe('something_new')
    expect(auditActionLabel('')).toBe('—')
  })

  it('label tables are Chinese', () => {
    for (const t of [EXCHANGE_TABLE_LABELS, JOB_STATE_LABELS, IMPORT_OUTCOME_LABELS, MODEL_FAMILY_LABELS, AUDIT_OBJECT_LABELS]) {
      for (const v of Object.values(t)) expect(v).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(Object.keys(EXCHANGE_TABLE_LABELS)).toHaveLength(23)
  })
})

import { describe, expect, it } from 'vitest'
import {
  caseStateTone, formatFileSize, formatReduction, parseTimeline, ruleIdOf,
  verdictLabelTone, label, VERDICT_LABELS, FINDING_LABELS, CASE_STATE_LABELS, CASE_ACTION_LABELS,
} from '@/format'

describe('parseTimeline', () => {
  const text =
    '2024-10-09  判决 S-1：有期徒刑8年\n2024-11-12  交付执行\n            按判决计算刑期至2032-01-24止\n' +
    '2026-06-13  减刑 C-1 减6个月 —— 违法（法释〔2016〕23号）\n' +
    '            ✗ 【JX-START-02 第7条从严罪犯减刑起始时间】提前152日\n' +
    '            · 【JX-PROP-03 视为有履行能力】消费5986.00元\n' +
    '            ? 【JX-PROP-02 有履行能力而不履行】一般不予减刑\n'
  it('splits dated lines, continuation lines and marks', () => {
    const lines = parseTimeline(text)
    expect(lines).toHaveLength(7)
    expect(lines[0]).toEqual({ date: '2024-10-09', mark: '', text: '判决 S-1：有期徒刑8年' })
    expect(lines[2]).toEqual({ date: '', mark: '', text: '按判决计算刑期至2032-01-24止' })
    expect(lines[4].mark).toBe('violation')
    expect(lines[4].text.startsWith('【JX-START-02')).toBe(true)
    expect(lines[5].mark).toBe('info')
    expect(lines[6].mark).toBe('warning')
  })
  it('is empty for no text', () => {
    expect(parseTimeline('')).toEqual([])
    expect(parseTimeline(undefined)).toEqual([])
  })
})

describe('ruleIdOf', () => {
  it('takes the rule ID at the head of an explanation', () => {
    expect(ruleIdOf('【JX-START-02 第7条从严罪犯减刑起始时间】原判8年')).toBe('JX-START-02')
    expect(ruleIdOf('【JX-PROS-01】')).toBe('JX-PROS-01')
    expect(ruleIdOf('没有规则')).toBe('')
  })
})

describe('small formatters', () => {
  it('formats file sizes', () => {
    expect(formatFileSize(512)).toBe('512 字节')
    expect(formatFileSize(1536)).toBe('1.5 KB')
    expect(formatFileSize(5 * 1024 * 1024)).toBe('5.0 MB')
    expect(formatFileSize(null)).toBe('—')
  })
  it('formats a proposed reduction', () => {
    expect(formatReduction(6, 0)).toBe('6个月')
    expect(formatReduction(0, 15)).toBe('15日')
    expect(formatReduction(1, 10)).toBe('1个月10日')
    expect(formatReduction(0, 0)).toBe('—')
    expect(formatReduction(null, undefined)).toBe('—')
  })
  it('gives tones for verdict labels and case states', () => {
    expect(verdictLabelTone('合法')).toBe('success')
    expect(verdictLabelTone('违法')).toBe('danger')
    expect(verdictLabelTone('需人工审查')).toBe('warning')
    expect(verdictLabelTone('')).toBe('info')
    expect(caseStateTone('pending_approval')).toBe('warning')
    expect(caseStateTone('closed')).toBe('info')
    expect(caseStateTone('replied')).toBe('danger')
    expect(caseStateTone('accepted')).toBe('success')
  })
  it('labels codes in Chinese', () => {
    expect(label(VERDICT_LABELS, 'needs_review')).toBe('需人工审查')
    expect(label(FINDING_LABELS, 'info')).toBe('提示')
    expect(label(CASE_STATE_LABELS, 'follow_up')).toBe('待回头看')
    expect(label(CASE_ACTION_LABELS, 'approve_issue')).toBe('审批签发')
    expect(label(CASE_ACTION_LABELS, 'unknown_code')).toBe('unknown_code')
  })
})

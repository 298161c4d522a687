import { describe, expect, it } from 'vitest'
import {
  beijingToday, CLUE_STATUS_LABELS, daysUntil, deadlineText, deadlineTone, formatCount, formatDate,
  formatDateTime, formatMoney, formatMonth, formatRate, formatTermMonths, label, maskIdNumber,
} from '@/format'

describe('dates', () => {
  it('formats dates and timestamps, with a dash for nothing', () => {
    expect(formatDate('2026-11-24T08:00:00+08:00')).toBe('2026-11-24')
    expect(formatDate(null)).toBe('—')
    expect(formatDateTime('2026-11-24 08:05:59')).toBe('2026-11-24 08:05')
    expect(formatDateTime('2026-11-24T08:05:59+08:00')).toBe('2026-11-24 08:05')
    expect(formatDateTime('')).toBe('—')
  })

  it('shows Unix seconds in Beijing time, across midnight UTC', () => {
    // 2026-11-23T16:30:00Z is 2026-11-24 00:30 in Beijing.
    expect(formatDateTime(Date.UTC(2026, 10, 23, 16, 30) / 1000)).toBe('2026-11-24 00:30')
  })

  it('formats months', () => {
    expect(formatMonth('2026-03')).toBe('2026年3月')
    expect(formatMonth(undefined)).toBe('—')
  })

  it("today is Beijing's date", () => {
    expect(beijingToday(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24')
    expect(beijingToday(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23')
  })
})

describe('deadlines', () => {
  it('counts days across months and leap years', () => {
    expect(daysUntil('2026-12-04', '2026-11-24')).toBe(10)
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2)
    expect(daysUntil('2026-11-20', '2026-11-24')).toBe(-4)
  })

  it('words and tones at the boundaries', () => {
    expect(deadlineText('2026-11-27', '2026-11-24')).toBe('剩3日')
    expect(deadlineTone('2026-11-27', '2026-11-24')).toBe('warning')
    expect(deadlineTone('2026-11-28', '2026-11-24')).toBe('info')
    expect(deadlineText('2026-11-24', '2026-11-24')).toBe('今日到期')
    expect(deadlineTone('2026-11-24', '2026-11-24')).toBe('warning')
    expect(deadlineText('2026-11-23', '2026-11-24')).toBe('已超期1日')
    expect(deadlineTone('2026-11-23', '2026-11-24')).toBe('danger')
    expect(deadlineText(null, '2026-11-24')).toBe('—')
  })
})

describe('numbers', () => {
  it('money in yuan with separators and two decimals', () => {
    expect(formatMoney(1234567.5)).toBe('1,234,567.50元')
    expect(formatMoney('300')).toBe('300.00元')
    expect(formatMoney(-20.456)).toBe('-20.46元')
    expect(formatMoney(0)).toBe('0.00元')
    expect(formatMoney(null)).toBe('—')
  })

  it('rates as percentages, a dash when there is no denominator', () => {
    expect(formatRate(0.83333)).toBe('83.3%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatRate(null)).toBe('—')
    expect(formatRate(Number.NaN)).toBe('—')
  })

  it('counts and terms', () => {
    expect(formatCount(25887)).toBe('25,887')
    expect(formatTermMonths(27)).toBe('2年3个月')
    expect(formatTermMonths(12)).toBe('1年')
    expect(formatTermMonths(5)).toBe('5个月')
    expect(formatTermMonths(null)).toBe('—')
  })
})

describe('labels', () => {
  it('known codes get their label, unknown codes show themselves, nothing is blank', () => {
    expect(label(CLUE_STATUS_LABELS, 'open')).toBe('未销号')
    expect(label(CLUE_STATUS_LABELS, 'new_status')).toBe('new_status')
    expect(label(CLUE_STATUS_LABELS, '')).toBe('—')
  })

  it('masks the middle of an ID number', () => {
    expect(maskIdNumber('510104199001011234')).toBe('510104********1234')
    expect(maskIdNumber(null)).toBe('—')
  })
})

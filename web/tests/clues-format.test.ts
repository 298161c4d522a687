import { describe, expect, it } from 'vitest'
import {
  DISMISS_REASONS, basisIdText, basisTitle, dismissNeedsNote, factLabel, formatFactValue,
} from '@/format'

describe('clue formatters', () => {
  it('names fact keys, falling back to the key', () => {
    expect(factLabel('delivery_date')).toBe('交付执行日期')
    expect(factLabel('minutes')).toBe('越界时长（分钟）')
    expect(factLabel('something_new')).toBe('something_new')
  })
  it('formats fact values', () => {
    expect(formatFactValue('original_term_months', 96)).toBe('8年')
    expect(formatFactValue('reduction_months', 14)).toBe('1年2个月')
    expect(formatFactValue('first_outside', '2026-06-14T06:13:58+08:00')).toBe('2026-06-14 06:13')
    expect(formatFactValue('delivery_date', '2025-03-31')).toBe('2025-03-31')
    expect(formatFactValue('share', 0.5798)).toBe('58.0%')
    expect(formatFactValue('next_position', null)).toBe('—')
    expect(formatFactValue('correction_type', 'probation')).toBe('缓刑')
    expect(formatFactValue('sentence_ids', ['S-1', 'S-2'])).toBe('S-1、S-2')
    expect(formatFactValue('sentence_ids', [])).toBe('—')
    expect(formatFactValue('x', true)).toBe('是')
    expect(formatFactValue('JX-PROP-02', { unpaid: '80000.00' })).toBe('未履行金额：80000.00')
    expect(formatFactValue('minutes', 309)).toBe('309')
    expect(formatFactValue('months', 27)).toBe('2年3个月')
    expect(formatFactValue('penalty', 'fixed_term')).toBe('有期徒刑')
    expect(formatFactValue('stint_open', true)).toBe('是')
  })
  it('shows parameter basis ids in words', () => {
    expect(basisIdText('JX-CC-03')).toBe('JX-CC-03')
    expect(basisIdText('PARAM:out_of_area_minutes')).toBe('模型参数')
    const labels = { out_of_area_minutes: '越界持续超过该时长' }
    expect(basisTitle({ id: 'PARAM:out_of_area_minutes' }, labels)).toBe('越界持续超过该时长')
    expect(basisTitle({ id: 'PARAM:unknown_param' }, labels)).toBe('unknown_param')
    expect(basisTitle({ id: 'JX-CC-03', title: '离开所居住市、县的请假与审批' }, labels)).toBe('离开所居住市、县的请假与审批')
    expect(basisTitle({ id: 'JX-NONE' }, labels)).toBe('')
  })
  it('knows which dismissal reasons need a note', () => {
    expect(DISMISS_REASONS).toHaveLength(7)
    expect(dismissNeedsNote('lawful_on_review')).toBe(false)
    expect(dismissNeedsNote('duplicate')).toBe(false)
    expect(dismissNeedsNote('other')).toBe(true)
    expect(dismissNeedsNote('data_error')).toBe(true)
    expect(dismissNeedsNote('unknown')).toBe(true)
  })
})

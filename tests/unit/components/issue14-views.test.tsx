/** What the agent reads in the deadline and eligibility cards after issue #14 (static renders, Chinese UI). */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { PermitDates } from '../../../components/PermitDates';
import { WageUsed } from '../../../components/EligibilityCard';
import { wageStandard } from '../../../rules/wages';
import { renewalWindow } from '../../../rules/deadlines';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the permit dates (side panel DeadlinesCard, case book employee view)', () => {
  it('names both latest days, with the buffer sentence and the recommended day first', () => {
    const w = renewalWindow('2026-12-31', { localityBufferWorkdays: 5 });
    const out = text(renderToStaticMarkup(<PermitDates expiry="2026-12-31" today="2026-11-02" business="renewal" options={{ localityBufferWorkdays: 5 }} />));
    expect(out).toContain(`建议最晚发起日 ${w.recommendedLatestDay.date}`);
    expect(out).toContain(`指南所列最晚发起日（有效期前第 20 个工作日） ${w.guideLatestDay.date}`);
    expect(out).toContain(`预留属地初审 5 个工作日 + 20 个工作日审核，核准不晚于 ${w.latestApproval.date}`);
    expect(out.indexOf('建议最晚发起日')).toBeLessThan(out.indexOf('指南所列最晚发起日（'));
    expect(out).not.toContain('≈');
  });

  it('labels the assistant\'s own findings 助手建议 and the guide\'s with their section', () => {
    // open: the finding cites the recommended rule (助手建议)
    expect(text(renderToStaticMarkup(<PermitDates expiry="2026-12-31" today="2026-10-01" business="renewal" options={{}} />))).toContain('助手建议');
    // expired: the guide's rule with its section
    const expired = text(renderToStaticMarkup(<PermitDates expiry="2026-10-12" today="2026-11-02" business="renewal" options={{}} />));
    expect(expired).toMatch(/§提示 特别注意 4/);
  });

  it('marks estimated dates ≈ with their years and says the opening counts weekends only', () => {
    const out = text(renderToStaticMarkup(<PermitDates expiry="2028-06-30" today="2026-12-04" business="renewal" options={{}} />));
    expect(out).toContain('≈ 估算（2028）');
    expect(out).toContain('开始日仅按周末推算（不会偏早）');
    expect(out).toContain('录入节假日安排');
  });

  it('shows the employer change\'s two days without a window opening', () => {
    const out = text(renderToStaticMarkup(<PermitDates expiry="2026-12-31" today="2026-11-02" business="employer-change" options={{ localityBufferWorkdays: 0 }} />));
    expect(out).not.toContain('申请期开始');
    expect(out).toContain('预留属地初审 0 个工作日');
  });
});

describe('the income standard with the eligibility verdict', () => {
  it('names the year and figure used and, when the built-in table is outdated, links to the wage settings', () => {
    const w = wageStandard('2026-12-04');
    const html = renderToStaticMarkup(<WageUsed wage={w} />);
    expect(text(html)).toContain(`收入标准：${w.usedYear} 年度本市月平均工资 ${w.figure.monthly.toLocaleString('en-US')} 元（内置）`);
    expect(w.tableOutdated).toBe(true);
    expect(text(html)).toMatch(/请在「设置 → 平均工资」录入 2025 年度数据/);
    expect(html).toContain('href="casebook.html#/settings"');
  });

  it('uses an entered figure and says nothing is missing', () => {
    const w = wageStandard('2026-12-04', [{ year: 2025, monthly: 12345, publishedOn: '2026-07-20' }]);
    const html = text(renderToStaticMarkup(<WageUsed wage={w} />));
    expect(html).toContain('收入标准：2025 年度本市月平均工资 12,345 元（手工录入）');
    expect(html).not.toContain('设置 → 平均工资');
  });
});

import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { EN_MESSAGES } from '../../../src/reports/i18n/enMessages.js';
import { REPORT_LOCALES } from '../../../src/reports/i18n/locales.js';
import { MESSAGE_KEYS, REPORT_MESSAGES, type MessageCatalogue } from '../../../src/reports/i18n/messageCatalogue.js';
import { t } from '../../../src/reports/i18n/t.js';
import { ZH_CN_MESSAGES } from '../../../src/reports/i18n/zhCnMessages.js';

function codeOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    return isCampaignKitError(error) ? `${error.code}: ${error.message}` : 'raw';
  }
  return undefined;
}

describe('message catalogues', () => {
  it('give every locale exactly the English keys, each with text', () => {
    // The annotation is the compile-time check; this one catches a catalogue built another way.
    const zh: MessageCatalogue = ZH_CN_MESSAGES;
    expect(Object.keys(zh).sort()).toEqual([...MESSAGE_KEYS].sort());
    for (const locale of REPORT_LOCALES) {
      for (const key of MESSAGE_KEYS) expect(REPORT_MESSAGES[locale][key].trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in every locale', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of MESSAGE_KEYS) expect(placeholders(ZH_CN_MESSAGES[key]), key).toEqual(placeholders(EN_MESSAGES[key]));
  });

  it('name the retrospective columns exactly', () => {
    const columns = ['activity', 'metric', 'target', 'actual', 'variance', 'cause', 'improvement'] as const;
    expect(columns.map((c) => t('zh-CN', `retro.column.${c}`))).toEqual(['活动名称', '关键指标', '目标值', '实际值', '差异率', '原因分析', '改进方向']);
    expect(columns.map((c) => t('en', `retro.column.${c}`))).toEqual(['Campaign', 'Key metric', 'Target', 'Actual', 'Variance', 'Cause analysis', 'Improvement']);
  });

  it('are frozen', () => {
    expect(Object.isFrozen(REPORT_MESSAGES)).toBe(true);
    expect(Object.isFrozen(REPORT_MESSAGES.en)).toBe(true);
  });
});

describe('t', () => {
  it('fills {name} placeholders, numbers formatted for the locale', () => {
    expect(t('zh-CN', 'daily.finished.empty')).toBe('今日无完成任务');
    expect(t('en', 'value.range', { from: 'Mar 2', to: 'Mar 3' })).toBe('Mar 2 – Mar 3');
    expect(t('en', 'roi.term.leads', { count: 12345 })).toBe('leads: the leads of every channel, 12,345');
  });

  it('refuses an unknown locale with VALIDATION listing the supported ones', () => {
    expect(codeOf(() => t('fr' as 'en', 'daily.title'))).toBe('VALIDATION: Invalid message arguments: [0]: expected a supported report locale: en, zh-CN');
    expect(codeOf(() => t('zh-cn' as 'en', 'daily.title'))).toMatch(/^VALIDATION: .*en, zh-CN/);
  });

  it('refuses an unknown key and a missing placeholder value', () => {
    expect(codeOf(() => t('en', 'no.such.key' as 'daily.title'))).toMatch(/^VALIDATION: /);
    expect(codeOf(() => t('en', 'value.range', { from: 'a' }))).toBe('VALIDATION: Invalid message arguments: [2].to: message value.range needs a value for {to}');
  });
});

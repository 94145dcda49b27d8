import { describe, expect, it } from 'vitest';
import { DEFAULT_DURATION_SETTINGS, minutesPerUnit, resolveDuration } from '../../src/calendar/duration.js';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import type { DurationInput } from '../../src/model/primitives.js';

function validationError(run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e, 'VALIDATION')) return e;
    throw e;
  }
  throw new Error('expected a VALIDATION error');
}

const minutes = (input: DurationInput): number => resolveDuration(input).minutes;

describe('resolveDuration with Microsoft Project\'s default day, week and month', () => {
  it('has 8 h days, 40 h weeks and 20-day months by default', () => {
    expect(DEFAULT_DURATION_SETTINGS).toEqual({ minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 });
  });

  it('reads every working-time unit', () => {
    expect(resolveDuration('30m')).toEqual({ minutes: 30, elapsed: false, unit: 'm' });
    expect(resolveDuration('4h')).toEqual({ minutes: 240, elapsed: false, unit: 'h' });
    expect(resolveDuration('2d')).toEqual({ minutes: 960, elapsed: false, unit: 'd' });
    expect(resolveDuration('1w')).toEqual({ minutes: 2400, elapsed: false, unit: 'w' });
    expect(resolveDuration('1mo')).toEqual({ minutes: 9600, elapsed: false, unit: 'mo' });
  });

  it('reads every elapsed unit as wall-clock minutes, an elapsed month being 30 days', () => {
    expect(resolveDuration('45em')).toEqual({ minutes: 45, elapsed: true, unit: 'em' });
    expect(resolveDuration('3eh')).toEqual({ minutes: 180, elapsed: true, unit: 'eh' });
    expect(resolveDuration('2ed')).toEqual({ minutes: 2880, elapsed: true, unit: 'ed' });
    expect(resolveDuration('1ew')).toEqual({ minutes: 10080, elapsed: true, unit: 'ew' });
    expect(resolveDuration('1emo')).toEqual({ minutes: 43200, elapsed: true, unit: 'emo' });
  });

  it('reads a percentage (for lags) as a percent, not as minutes', () => {
    expect(resolveDuration('50%')).toEqual({ minutes: 0, elapsed: false, percent: 50, unit: '%' });
    expect(resolveDuration('25e%')).toEqual({ minutes: 0, elapsed: true, percent: 25, unit: 'e%' });
    expect(resolveDuration('-20%')).toEqual({ minutes: 0, elapsed: false, percent: -20, unit: '%' });
  });

  it('accepts the longer unit spellings, any letter case and spaces', () => {
    expect(minutes('45 mins')).toBe(45);
    expect(minutes('45min')).toBe(45);
    expect(minutes('3 hrs')).toBe(180);
    expect(minutes('1hr')).toBe(60);
    expect(minutes('2 days')).toBe(960);
    expect(minutes('1day')).toBe(480);
    expect(minutes('2wk')).toBe(4800);
    expect(minutes('2 wks')).toBe(4800);
    expect(minutes('1mon')).toBe(9600);
    expect(minutes(' 2 D ')).toBe(960);
    expect(minutes('1ED')).toBe(1440);
  });

  it('reads decimals, rounding to the nearest minute', () => {
    expect(minutes('1.5d')).toBe(720);
    expect(minutes('.5h')).toBe(30);
    expect(minutes('0.25w')).toBe(600);
    expect(minutes('0.1h')).toBe(6);
    expect(minutes('1.5ed')).toBe(2160);
    expect(minutes('0.001d')).toBe(0);
    expect(minutes('0.4m')).toBe(0);
    expect(minutes('0.6m')).toBe(1);
  });

  it('reads negative values as leads and an explicit plus sign as positive', () => {
    expect(resolveDuration('-1d')).toEqual({ minutes: -480, elapsed: false, unit: 'd' });
    expect(minutes('-2h')).toBe(-120);
    expect(minutes('-1ew')).toBe(-10080);
    expect(minutes('+3d')).toBe(1440);
  });

  it('gives zero, never minus zero, for a negative zero', () => {
    expect(Object.is(minutes('-0d'), 0)).toBe(true);
    expect(Object.is(minutes('-0.0001h'), 0)).toBe(true);
  });

  it('reads the object form', () => {
    expect(resolveDuration({ value: 1.5, unit: 'd' })).toEqual({ minutes: 720, elapsed: false, unit: 'd' });
    expect(resolveDuration({ value: -2, unit: 'eh' })).toEqual({ minutes: -120, elapsed: true, unit: 'eh' });
    expect(resolveDuration({ value: 50, unit: '%' })).toEqual({ minutes: 0, elapsed: false, percent: 50, unit: '%' });
  });
});

describe('resolveDuration with the project\'s own day, week and month lengths', () => {
  const settings = { minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 21 };

  it('uses them for days, weeks and months', () => {
    expect(resolveDuration('1d', settings).minutes).toBe(450);
    expect(resolveDuration('2d', settings).minutes).toBe(900);
    expect(resolveDuration('1w', settings).minutes).toBe(2250);
    expect(resolveDuration('1mo', settings).minutes).toBe(9450);
  });

  it('does not use them for minutes, hours or any elapsed unit', () => {
    expect(resolveDuration('90m', settings).minutes).toBe(90);
    expect(resolveDuration('2h', settings).minutes).toBe(120);
    expect(resolveDuration('1ed', settings).minutes).toBe(1440);
    expect(resolveDuration('1ew', settings).minutes).toBe(10080);
    expect(resolveDuration('1emo', settings).minutes).toBe(43200);
  });

  it('gives the minutes in one unit for reporting a value back in it', () => {
    expect(minutesPerUnit('d', settings)).toBe(450);
    expect(minutesPerUnit('w', settings)).toBe(2250);
    expect(minutesPerUnit('mo', settings)).toBe(9450);
    expect(minutesPerUnit('h')).toBe(60);
    expect(minutesPerUnit('ed')).toBe(1440);
    expect(minutesPerUnit('d')).toBe(480);
  });
});

describe('resolveDuration refuses what it cannot read', () => {
  it.each(['', 'd', 'abc', '2x', '2dd', '2 d d', 'two days', '1e3d', '1,5d', '--1d', '2', '3 y'])('refuses %j', (text) => {
    const error = validationError(() => resolveDuration(text));
    expect(error.details.issues?.[0]?.message).toContain('cannot read duration');
  });

  it('names where the bad value sits in the input', () => {
    const error = validationError(() => resolveDuration('2x', DEFAULT_DURATION_SETTINGS, ['tasks', 3, 'duration']));
    expect(error.details.issues?.map((i) => i.path)).toEqual([['tasks', 3, 'duration']]);
    expect(error.details.issues?.[0]?.message).toContain('"2x"');
    expect(error.message).toContain('tasks[3].duration');
  });

  it('refuses a value that is not a finite number', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = validationError(() => resolveDuration({ value, unit: 'd' }, DEFAULT_DURATION_SETTINGS, ['links', 0, 'lag']));
      expect(error.details.issues?.map((i) => i.path)).toEqual([['links', 0, 'lag']]);
    }
  });
});

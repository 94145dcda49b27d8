import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { CampaignIdSchema } from '../model/ids.js';
import { MetricIdSchema } from '../model/kpi.js';
import type { Lesson } from '../model/lesson.js';
import { TagsSchema } from '../model/primitives.js';
import type { WorkspaceContext } from './_context.js';
import { readableCampaignIds, readEvery } from './_reader.js';
import type { RecordData } from './_records.js';
import type { LessonSearchHit, LessonSearchOptions } from './lessonService.js';

const SearchSchema = z.strictObject({
  /** Words that must all appear. */
  query: z.string().max(500).optional(),
  /** Category. */
  category: z.string().trim().min(1).max(100).optional(),
  /** Tags that must all be present. */
  tags: TagsSchema.optional(),
  /** Metric. */
  metric: MetricIdSchema.optional(),
  /** Campaigns to search. */
  campaignIds: z.array(CampaignIdSchema).max(1000).optional(),
  /** Most hits returned. */
  limit: z.int().min(1).max(1000).default(100),
});

/** Text folded for comparison: compatibility forms unified (full-width `ＣＴＲ` is `CTR`), then lower case. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The words of a query; a run of Chinese characters without spaces is one word, matched as a substring. */
function wordsOf(query: string | undefined): string[] {
  return fold(query ?? '')
    .split(/\s+/u)
    .filter((word) => word !== '');
}

/** Whether a lesson passes every filter given. */
function matcher(ctx: WorkspaceContext, options: z.output<typeof SearchSchema>): (lesson: Lesson) => boolean {
  const words = wordsOf(options.query);
  const category = options.category === undefined ? undefined : fold(options.category);
  const tags = (options.tags ?? []).map(fold);
  // An alias (`roi_cn`) finds the lessons about the metric it stands for (`roas`), and back.
  const metricOf = (metric: string) => ctx.metrics.resolve(metric) ?? metric;
  const metric = options.metric === undefined ? undefined : metricOf(options.metric);
  return (lesson) => {
    if (category !== undefined && (lesson.category === undefined || fold(lesson.category) !== category)) return false;
    if (metric !== undefined && (lesson.metric === undefined || metricOf(lesson.metric) !== metric)) return false;
    const lessonTags = lesson.tags.map(fold);
    if (!tags.every((tag) => lessonTags.includes(tag))) return false;
    const fields = [fold(lesson.text), ...(lesson.category === undefined ? [] : [fold(lesson.category)]), ...lessonTags];
    return words.every((word) => fields.some((field) => field.includes(word)));
  };
}

/** Newest first; lessons recorded at the same instant by campaign, then id. */
function newestFirst(a: Lesson, b: Lesson): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0) return byTime;
  if (a.campaignId !== b.campaignId) return a.campaignId < b.campaignId ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * `lessons.search`: the lessons of the named campaigns, or of every campaign whose lessons the
 * actor may read, that pass every filter given, newest first, each with its campaign's name.
 */
export async function searchLessons(ctx: WorkspaceContext, options: LessonSearchOptions): Promise<LessonSearchHit[]> {
  const parsed = parseInput(SearchSchema, options, 'lesson search options');
  const campaignIds = await readableCampaignIds(ctx, 'lesson', parsed.campaignIds);
  const matches = matcher(ctx, parsed);
  const found: Lesson[] = [];
  for (const campaignId of campaignIds) found.push(...(await readEvery(ctx, 'lesson', campaignId)).filter(matches));
  const hits = found.sort(newestFirst).slice(0, parsed.limit);
  const ids = [...new Set(hits.map((lesson) => lesson.campaignId))];
  const campaigns = await ctx.storage.getMany('campaign', ids);
  const names = new Map(campaigns.flatMap((record) => (record === null ? [] : [[record.id, (record.data as RecordData<'campaign'>).name] as const])));
  return hits.map((lesson) => ({ lesson, campaignName: names.get(lesson.campaignId) ?? lesson.campaignId }));
}

import { z } from 'zod';

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);

export const localizedTextSchema = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const perspectives = ['client', 'organisation', 'result', 'process'] as const;
export type Perspective = (typeof perspectives)[number];

/** The framework rules' own problem texts, by a key that chat shows in the reader's language. */
export const frameworkRuleMessages = {
  idFormat: 'must be lower-case letters, digits and dashes (at most 48)',
  versionFormat: 'a version looks like 1, 1.2 or 1.2.3',
  scalePoints: 'a scale has between 2 and 11 points',
  labelOnScale: 'every label belongs to a point on the scale',
} as const;

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, frameworkRuleMessages.idFormat);

export const scaleSchema = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    labels: z.record(z.string().regex(/^-?\d+$/), localizedTextSchema).default({}),
    allowNotApplicable: z.boolean().default(true),
  })
  .strict()
  .refine((s) => s.max - s.min >= 1 && s.max - s.min <= 10, {
    error: frameworkRuleMessages.scalePoints,
  })
  .refine((s) => Object.keys(s.labels).every((k) => Number(k) >= s.min && Number(k) <= s.max), {
    error: frameworkRuleMessages.labelOnScale,
  });
export type Scale = z.infer<typeof scaleSchema>;

export const dimensionSchema = z.object({ id: idSchema, label: localizedTextSchema }).strict();
export type Dimension = z.infer<typeof dimensionSchema>;

export const criterionSchema = z
  .object({
    id: idSchema,
    component: idSchema,
    perspective: z.enum(perspectives),
    text: localizedTextSchema,
    help: localizedTextSchema.optional(),
  })
  .strict();
export type Criterion = z.infer<typeof criterionSchema>;

export const componentSchema = z.object({ id: idSchema, title: localizedTextSchema }).strict();
export type Component = z.infer<typeof componentSchema>;

/** The most open questions a framework may ask: each is a text box in the forms and cards. */
export const MAX_OPEN_QUESTIONS = 10;

/** A question answered in words, not rated: about one component, or (without `component`) the whole round. */
export const openQuestionSchema = z
  .object({
    id: idSchema,
    component: idSchema.optional(),
    text: localizedTextSchema,
  })
  .strict();
export type OpenQuestion = z.infer<typeof openQuestionSchema>;

export const frameworkSchema = z
  .object({
    id: idSchema,
    version: z.string().regex(/^\d+(\.\d+){0,2}$/, frameworkRuleMessages.versionFormat),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    scale: scaleSchema.default({ min: 1, max: 5, labels: {}, allowNotApplicable: true }),
    dimensions: z.array(dimensionSchema).max(3).default([]),
    components: z.array(componentSchema).min(1),
    criteria: z.array(criterionSchema).min(1).max(200),
    questions: z.array(openQuestionSchema).max(MAX_OPEN_QUESTIONS).default([]),
  })
  .strict()
  .superRefine((f, ctx) => {
    const componentIds = new Set(f.components.map((c) => c.id));
    const seen = new Set<string>();
    f.criteria.forEach((c, i) => {
      if (!componentIds.has(c.component)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'component'],
          message: `unknown component "${c.component}"`,
          params: { problem: 'unknownComponent', value: c.component },
        });
      }
      if (seen.has(c.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'id'],
          message: `duplicate criterion id "${c.id}"`,
          params: { problem: 'duplicateId', value: c.id },
        });
      }
      seen.add(c.id);
    });
    f.questions.forEach((q, i) => {
      if (q.component !== undefined && !componentIds.has(q.component)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'component'],
          message: `unknown component "${q.component}"`,
          params: { problem: 'unknownComponent', value: q.component },
        });
      }
      if (seen.has(q.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `duplicate id "${q.id}" (criteria and questions share their ids)`,
          params: { problem: 'duplicateId', value: q.id },
        });
      }
      seen.add(q.id);
    });
    const dims = new Set<string>();
    f.dimensions.forEach((d, i) => {
      if (dims.has(d.id))
        ctx.addIssue({
          code: 'custom',
          path: ['dimensions', i, 'id'],
          message: `duplicate dimension id "${d.id}"`,
          params: { problem: 'duplicateId', value: d.id },
        });
      dims.add(d.id);
    });
  });
export type Framework = z.infer<typeof frameworkSchema>;

/** The dimension id used when a framework or round rates criteria on a single, unnamed dimension. */
export const SINGLE_DIMENSION = 'rating';

export function scalePoints(scale: Scale): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
}

export function criteriaByComponent(
  framework: Pick<Framework, 'components' | 'criteria'>,
): { component: Component; criteria: Criterion[] }[] {
  return framework.components
    .map((component) => ({ component, criteria: framework.criteria.filter((c) => c.component === component.id) }))
    .filter((group) => group.criteria.length > 0);
}

/** Reading a submitted modal's `view.state.values`: the element of a block, by block id and action id. */
export type StateValues = Record<string, Record<string, unknown> | undefined>;

export interface ElementState {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_users?: string[];
  selected_date?: string | null;
  selected_time?: string | null;
}

/** The element's state; the edge (parse.ts) has checked the shape of every value before a form is read. */
export function element(values: StateValues, blockId: string, actionId = 'value'): ElementState {
  return values[blockId]?.[actionId] ?? {};
}

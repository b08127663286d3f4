/**
 * `items[index]`, for indexes the caller has computed to be in range; throws instead of
 * returning `undefined` when that reasoning is wrong.
 */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new RangeError(`Index ${index} is outside a list of ${items.length}`);
  }
  return item;
}

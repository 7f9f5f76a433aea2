/** A page's query string as plain values: the first value of a repeated parameter. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function firstValues(searchParams: PageSearchParams): Promise<Record<string, string | undefined>> {
  return Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

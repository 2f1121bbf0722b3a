import type { AttributeValue } from '@aws-sdk/client-dynamodb';

// A small, explicit codec between plain values and DynamoDB attribute values: the items here are flat
// records of strings, numbers, booleans and one-level maps, so the full util-dynamodb is not needed.
export type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

export function toAttribute(value: Plain): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) {
    return { L: value.map((item) => toAttribute(item)).filter((item): item is AttributeValue => item !== undefined) };
  }
  return { M: toItem(value) };
}

export function toItem(record: { [key: string]: Plain }): Record<string, AttributeValue> {
  const item: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(record)) {
    const attribute = toAttribute(value);
    if (attribute !== undefined) item[key] = attribute;
  }
  return item;
}

export function fromAttribute(attribute: AttributeValue): Plain {
  if (attribute.S !== undefined) return attribute.S;
  if (attribute.N !== undefined) return Number(attribute.N);
  if (attribute.BOOL !== undefined) return attribute.BOOL;
  if (attribute.NULL !== undefined) return null;
  if (attribute.L !== undefined) return attribute.L.map(fromAttribute);
  if (attribute.M !== undefined) return fromItem(attribute.M);
  return undefined;
}

export function fromItem(item: Record<string, AttributeValue>): { [key: string]: Plain } {
  const record: { [key: string]: Plain } = {};
  for (const [key, attribute] of Object.entries(item)) record[key] = fromAttribute(attribute);
  return record;
}

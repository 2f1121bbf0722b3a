// The shapes of the answers: JSON, HTML pages, and the API's one error shape.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiError } from '../model/errors.ts';

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

/** The XLSX export's media type (Office Open XML spreadsheet). */
export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
export const pageContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function html(statusCode: number, body: string, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': pageContentSecurityPolicy, ...headers },
    body,
  };
}

/** A PDF to download: API Gateway passes binary bodies base64-encoded. */
export function pdf(bytes: Uint8Array, fileName: string): HttpResult {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName}"` },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
}

export function errorResult(error: ApiError): HttpResult {
  return json(error.statusCode, error.toBody(), error.headers);
}

export { ApiError, type ApiErrorDetail } from './api-error';
export { apiFetch, API_BASE, type ApiFetchInit } from './api-fetch';

import { DiagnosticError, type Diagnostic } from '../doctor/diagnostic.js';
import { ConfigError, DataError, FormatError, NnkitError, ShapeError, StateError, type DataLocation, type ErrorKind } from '../errors.js';
import type { SentError } from './worker-messages.js';

/** An error thrown in the worker, as data for the caller. */
export function toSentError(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const sent: SentError = { name: error.name, message: error.message };
  if (error instanceof DiagnosticError) return { ...sent, kind: error.kind, code: error.code, diagnostic: error.diagnostic, location: { ...error.location } };
  if (error instanceof DataError) return { ...sent, kind: error.kind, code: error.code, location: { ...error.location } };
  if (error instanceof NnkitError) return { ...sent, kind: error.kind, code: error.code };
  return sent;
}

/**
 * The caller's side: the same class, code and message as the error thrown in the worker, so
 * `catch (e) { if (e instanceof nn.ConfigError) ... }` works as in-thread.
 */
export function fromSentError(sent: SentError): Error {
  const code = sent.code ?? '';
  const error = (() => {
    switch (sent.name) {
      case 'DiagnosticError': return new DiagnosticError(sent.diagnostic as Diagnostic, sent.location as DataLocation);
      case 'DataError': return new DataError(code, sent.message, sent.location as DataLocation);
      case 'ShapeError': return new ShapeError(code, sent.message);
      case 'ConfigError': return new ConfigError(code, sent.message);
      case 'StateError': return new StateError(code, sent.message);
      case 'FormatError': return new FormatError(code, sent.message);
      case 'NnkitError': return new NnkitError(sent.kind as ErrorKind, code, sent.message);
      default: {
        const plain = new Error(sent.message);
        plain.name = sent.name;
        return plain;
      }
    }
  })();
  // NOTE: the message as the worker wrote it (a DiagnosticError may have added a location); the
  // worker's stack means nothing on this thread, the caller's stack shows the call.
  error.message = sent.message;
  return error;
}

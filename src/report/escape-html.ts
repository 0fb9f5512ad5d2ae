/**
 * Escapes text for HTML element content and double-quoted attribute values. Every string the
 * report takes from data (file names, column names, class names, warning messages) goes through
 * this, so a column named `<script>` shows as text and never runs.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A file input is cleared after each pick (so the same file can be picked again after fixing it),
 * which makes the browser say "No file chosen"; this says which file was read, for eyes and ears. */
export function FileChosen({ name, id }: { name: string | null; id: string }) {
  return (
    <span id={id} className="file-chosen" role="status">
      {name === null ? '' : `Chosen file: ${name}`}
    </span>
  );
}

// Who new tags are by: `pressCorpus.author` (initialization options, then workspace/didChangeConfiguration), else
// git's user.name, read once per server and kept: tagging must not start a process each time.

export class TagAuthor {
  private configured: string | undefined;
  private gitUserName: Promise<string | undefined> | undefined;

  constructor(private readonly readGitUserName: () => Promise<string | undefined>) {}

  /** A setting as the client sends it: a non-empty string names the author, anything else falls back to git. */
  setConfigured(value: unknown): void {
    this.configured = typeof value === 'string' && value.trim() ? value.trim() : undefined;
  }

  get(): Promise<string | undefined> {
    if (this.configured) return Promise.resolve(this.configured);
    this.gitUserName ??= this.readGitUserName();
    return this.gitUserName;
  }
}

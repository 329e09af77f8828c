import { randomUUID } from 'node:crypto';
import { isFresh, OutcomeError, pendingFileId, type PendingFile, type ReportFileName } from '../../domain/outcomes';
import type { Clock } from '../../domain/shared/clock';
import type { PendingFileRepository } from './ports';

/**
 * Report files offered through Teams' file consent card: kept in the store until the leader answers
 * (a restart in between loses nothing), and only the leader they were offered to can take them.
 */
export class ReportFileService {
  constructor(
    private readonly store: PendingFileRepository,
    private readonly clock: Clock,
  ) {}

  /** Keeps the file for the consent answer; returns its id (the card's context carries it). */
  async hold(userId: string, name: ReportFileName, content: string): Promise<string> {
    const fileId = randomUUID();
    await this.store.put({ type: 'outcomePendingFile', id: pendingFileId(fileId), userId, fileId, name, content, createdAt: this.clock.now().toISOString() });
    return fileId;
  }

  /** The file offered to this person; FILE_GONE when unknown, someone else's, or expired. */
  async get(userId: string, fileId: string): Promise<PendingFile> {
    const file = await this.store.get(userId, fileId);
    if (!file || file.userId !== userId || !isFresh(file, this.clock.now())) throw new OutcomeError('FILE_GONE');
    return file;
  }

  /** Sent or declined: the file is no longer kept. */
  done(userId: string, fileId: string): Promise<void> {
    return this.store.delete(userId, fileId);
  }
}

import { Injectable } from '@nestjs/common';

/** Flipped when the process starts shutting down, so readiness fails before the server closes. */
@Injectable()
export class ShutdownState {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  beginDraining(): void {
    this.draining = true;
  }
}

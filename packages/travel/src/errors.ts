export type TravelErrorCode =
  'InvalidPoint' | 'TooFarFromRoad' | 'NoRoute' | 'BackendUnavailable' | 'BackendError' | 'MapData';

/** A travel failure with a message that says what and where; `pointIndex` names the offending input point. */
export class TravelError extends Error {
  constructor(
    readonly code: TravelErrorCode,
    message: string,
    readonly pointIndex?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TravelError';
  }
}

import type { ParcelVolume2020 } from '../sources/parcel-volumes-2020';

export const PARCEL_VOLUME_YEAR = 2020;

/**
 * Parcels to households per inhabitant and year: the kommun's published B2C + C2X parcels of 2020
 * over its population of 2016 (the nearest population figure the data holds; the year gap is stated).
 */
export function householdParcelsPerInhabitantYear(volume: ParcelVolume2020, population2016: number): number {
  return (volume.parcels_b2c + volume.parcels_c2x) / population2016;
}

export function parcelsPerWeek(population: number, perInhabitantYear: number): number {
  return Math.round(((population * perInhabitantYear) / 52) * 100) / 100;
}

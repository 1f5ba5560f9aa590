/**
 * A schematic tile map of Kazakhstan: one tile per region code of kz-regions.json (ISO 3166-2:KZ, 2022), placed
 * roughly by geography on a 7 × 4 grid, the three cities of republican significance beside their regions. No
 * boundary data: boundary sets older than 2022 lack Abai, Jetisu and Ulytau.
 */
export const TILES = [
  { code: 'KZ-27', col: 0, row: 0 }, // West Kazakhstan (Oral)
  { code: 'KZ-39', col: 2, row: 0 }, // Kostanay
  { code: 'KZ-59', col: 3, row: 0 }, // North Kazakhstan (Petropavl)
  { code: 'KZ-55', col: 5, row: 0 }, // Pavlodar
  { code: 'KZ-23', col: 0, row: 1 }, // Atyrau
  { code: 'KZ-15', col: 1, row: 1 }, // Aktobe
  { code: 'KZ-62', col: 2, row: 1 }, // Ulytau (Zhezkazgan)
  { code: 'KZ-11', col: 3, row: 1 }, // Akmola (Kokshetau)
  { code: 'KZ-71', col: 4, row: 1, city: true }, // Astana, beside Akmola
  { code: 'KZ-10', col: 5, row: 1 }, // Abai (Semey)
  { code: 'KZ-63', col: 6, row: 1 }, // East Kazakhstan (Oskemen)
  { code: 'KZ-47', col: 0, row: 2 }, // Mangystau (Aktau)
  { code: 'KZ-43', col: 1, row: 2 }, // Kyzylorda
  { code: 'KZ-35', col: 3, row: 2 }, // Karaganda
  { code: 'KZ-33', col: 5, row: 2 }, // Jetisu (Taldykorgan)
  { code: 'KZ-61', col: 1, row: 3 }, // Turkistan
  { code: 'KZ-79', col: 2, row: 3, city: true }, // Shymkent, beside Turkistan
  { code: 'KZ-31', col: 3, row: 3 }, // Jambyl (Taraz)
  { code: 'KZ-19', col: 4, row: 3 }, // Almaty Region (Konaev)
  { code: 'KZ-75', col: 5, row: 3, city: true }, // Almaty, beside Almaty Region
];

/** Every region code, and `unknown` (reports whose region the reporter did not know). */
export const REGION_CODES = [...TILES.map((tile) => tile.code).sort(), 'unknown'];

/** Seeded PRNG for fixtures and random test cases: the generator's own, so both stay identical across runs. */
export { mulberry32 as prng } from '../../src/core/synth/random';

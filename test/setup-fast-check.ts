// Property tests run with one fixed seed in CI so a red run can be replayed; FC_SEED picks another to explore.
import fc from 'fast-check'

fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20261124), numRuns: Number(process.env['FC_NUM_RUNS'] ?? 100) })

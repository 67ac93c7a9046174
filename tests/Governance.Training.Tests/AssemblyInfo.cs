// Torch's default random generator is one per process: tests that seed it (every model built here does) would draw
// each other's numbers if run side by side, and libtorch already uses every core for one test.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// The tests share the run's broker and its queue names: one at a time, so that no test's worker takes another's jobs.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

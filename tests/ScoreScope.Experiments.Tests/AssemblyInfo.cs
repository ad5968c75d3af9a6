// libtorch's thread count and the experiments' CPU load are process-wide: run the experiment tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

"""What tests and benchmarks share: paths, site builds, local servers, the browser and its helpers."""

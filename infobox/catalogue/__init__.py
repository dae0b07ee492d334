"""The catalogue: its typed model, reading data/resources.yaml, every rule it must satisfy, and the messages
and tips a maintainer reads. `loader.load_catalogue` is the only way in."""

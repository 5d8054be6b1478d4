"""The bundled demo sample: a fictional car workshop's company phone and its labels."""

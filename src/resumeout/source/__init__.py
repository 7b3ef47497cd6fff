"""Reading a résumé source: YAML or JSON with the position of every value, validated into
the model with every problem located; variants selected from it."""

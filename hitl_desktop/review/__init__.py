"""Review: agreement metrics, region matching and disagreement detection. No Qt here."""

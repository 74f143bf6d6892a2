"""The travel mode: the trip in the answers, its checklist and time differences, and what the travel
checks share."""

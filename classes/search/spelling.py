"""Correcting a misspelt query word: of the title words a database offers as candidates, the one fewest edits
away."""


def corrected(words, backend):
    """Each word that is long enough to guess at and matches nothing as typed, replaced by the closest title word.
    The words together match nothing (the caller asked): a word alone is known to match nothing already."""

    def matches_nothing(word):
        return len(words) == 1 or not backend.exists([word])

    return [
        (closest(word, backend.candidates(word)) or word)
        if len(word) > 3 and not word.isdigit() and matches_nothing(word)
        else word
        for word in words
    ]


def closest(word, candidates):
    """The candidate fewest edits away from the word (letters added, dropped, changed or swapped), if any is
    near enough: one edit in a word of up to five letters, two in a longer one; earlier candidates win ties."""
    most = 1 if len(word) <= 5 else 2
    near = [(edits, index) for index, candidate in enumerate(candidates) if (edits := _edits(word, candidate)) <= most]
    return candidates[min(near)[1]] if near else None


def _edits(a, b):
    """Optimal string alignment distance: Levenshtein's, where swapping two neighbouring letters is one edit."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]

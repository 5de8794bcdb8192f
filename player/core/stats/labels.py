"""The report's words in English and French (the UI languages), chosen by ``language``.

The report is a document the core writes, without Qt, so its words live here rather than in
the Qt translation catalogue; ``pick`` falls back to English like the UI does.
"""

from __future__ import annotations

import os
from pathlib import Path

from player.core.settings import load_settings

LANGUAGES = ("en", "fr")

EN = {
    "title": "Course statistics",
    "source": "Source",
    "statements": "statements counted",
    "skipped": "skipped (unreadable, repeated, or about another course)",
    "overview": "Overview",
    "learners": "Learners",
    "completed_course": "Completed the course",
    "funnel": "Modules: the funnel",
    "module": "Module",
    "started": "Started",
    "completed": "Completed",
    "stopped": "Stop here",
    "stopped_note": "A learner who has not completed the course stops at the first module they "
    "have not completed; in brackets, how many of them had not even started it.",
    "quizzes": "Quizzes",
    "quiz": "Quiz",
    "attempts": "Attempts",
    "passed": "Passed at the threshold in force",
    "threshold": "Threshold",
    "recorded": "passed statements",
    "what_if": "What if the threshold were…",
    "what_if_note": "Learners whose best score reaches each threshold.",
    "question": "Question",
    "answered": "Answered",
    "correct": "Correct",
    "wrong": "Most common wrong answer",
    "survey": "Survey",
    "count": "Answers",
    "mean": "Mean (1–5)",
    "answers": "Answers",
    "answer": "Answer",
    "times": "Times chosen",
    "true": "True",
    "false": "False",
    "more_answers": "{n} more answer(s) not shown",
    "domains": "Learners by e-mail domain",
    "tlds": "Learners by country code of the domain",
    "domain": "Domain",
    "tld": "Code",
    "no_email": "without an e-mail address",
    "time": "Time spent per module (learners who completed it)",
    "median": "Median",
    "q1": "First quartile",
    "q3": "Third quartile",
    "none": "—",
    "charts_missing": "Charts need the optional reports extra: pip install "
    "'course-player[reports]'",
    "no_data": "No statement about this course was found.",
    "learners_axis": "learners",
    "minutes": "minutes",
}

FR = {
    "title": "Statistiques du cours",
    "source": "Source",
    "statements": "déclarations comptées",
    "skipped": "écartées (illisibles, répétées ou sur un autre cours)",
    "overview": "Vue d'ensemble",
    "learners": "Apprenants",
    "completed_course": "Ont terminé le cours",
    "funnel": "Modules : l'entonnoir",
    "module": "Module",
    "started": "Commencé",
    "completed": "Terminé",
    "stopped": "S'arrêtent ici",
    "stopped_note": "Un apprenant qui n'a pas terminé le cours s'arrête au premier module qu'il "
    "n'a pas terminé ; entre parenthèses, combien ne l'avaient même pas commencé.",
    "quizzes": "Quiz",
    "quiz": "Quiz",
    "attempts": "Tentatives",
    "passed": "Réussi au seuil en vigueur",
    "threshold": "Seuil",
    "recorded": "déclarations de réussite",
    "what_if": "Et si le seuil était…",
    "what_if_note": "Apprenants dont le meilleur score atteint chaque seuil.",
    "question": "Question",
    "answered": "Réponses",
    "correct": "Justes",
    "wrong": "Mauvaise réponse la plus fréquente",
    "survey": "Questionnaire",
    "count": "Réponses",
    "mean": "Moyenne (1–5)",
    "answers": "Réponses",
    "answer": "Réponse",
    "times": "Nombre de fois",
    "true": "Vrai",
    "false": "Faux",
    "more_answers": "{n} autre(s) réponse(s) non affichée(s)",
    "domains": "Apprenants par domaine d'adresse e-mail",
    "tlds": "Apprenants par code pays du domaine",
    "domain": "Domaine",
    "tld": "Code",
    "no_email": "sans adresse e-mail",
    "time": "Temps passé par module (apprenants qui l'ont terminé)",
    "median": "Médiane",
    "q1": "Premier quartile",
    "q3": "Troisième quartile",
    "none": "—",
    "charts_missing": "Les graphiques demandent l'extension facultative « reports » : pip install "
    "'course-player[reports]'",
    "no_data": "Aucune déclaration sur ce cours n'a été trouvée.",
    "learners_axis": "apprenants",
    "minutes": "minutes",
}

TABLES = {"en": EN, "fr": FR}


def pick(requested: str | None, settings_path: Path | None = None) -> str:
    """``--lang`` when given, else the settings' ``language``, else the locale, else English."""
    candidates = [requested]
    if settings_path is not None:
        candidates.append(str(load_settings(settings_path).get("language") or ""))
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        candidates.append(os.environ.get(name))
    for candidate in candidates:
        code = (candidate or "").replace("-", "_").split("_")[0].split(".")[0].lower()
        if code in TABLES:
            return code
    return "en"


def count(value: int, language: str) -> str:
    """A whole number with the language's thousands separator (1,156 / 1 156)."""
    text = f"{value:,}"
    return text.replace(",", "\u202f") if language == "fr" else text


def decimal(value: float, digits: int, language: str) -> str:
    """A decimal number with the language's decimal mark (2.5 / 2,5)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "fr" else text


def response(value: str, language: str) -> str:
    """A true-false response in words."""
    table = TABLES.get(language, EN)
    return table[value] if value in ("true", "false") else value

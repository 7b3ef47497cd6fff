"""The résumé model. Importing it loads pydantic: commands that do not validate avoid it."""

from resumeout.model.entries import (
    EducationEntry,
    ExperienceEntry,
    GenericEntry,
    LineEntry,
    PublicationEntry,
)
from resumeout.model.resume import Profile, Resume, Variant, profile_url
from resumeout.model.sections import (
    EducationSection,
    ExperienceSection,
    GenericSection,
    LineSection,
    PublicationSection,
    Section,
    TextSection,
)
from resumeout.model.style import Design, Settings

__all__ = [
    "Design",
    "EducationEntry",
    "EducationSection",
    "ExperienceEntry",
    "ExperienceSection",
    "GenericEntry",
    "GenericSection",
    "LineEntry",
    "LineSection",
    "Profile",
    "PublicationEntry",
    "PublicationSection",
    "Resume",
    "Section",
    "Settings",
    "TextSection",
    "Variant",
    "profile_url",
]

"""The résumé: the one model every exporter reads."""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from resumeout.model.base import Model
from resumeout.model.fields import Date, Email, Markup, Phone, PlainText, Tag, Url
from resumeout.model.locale import Locale
from resumeout.model.sections import Section
from resumeout.model.style import Design, Settings


class Profile(Model):
    network: PlainText = Field(
        description="GitHub, LinkedIn, GitLab, X, Google Scholar, ORCID, or any other name."
    )
    username: PlainText
    url: Url | None = Field(
        default=None, description="Needed only for a network resumeout does not know."
    )


# Profile addresses are derived only for networks whose address is fixed by the username;
# for any other network the user gives the url (nothing is invented).
PROFILE_URLS = {
    "github": "https://github.com/{}",
    "gitlab": "https://gitlab.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
    "x": "https://x.com/{}",
    "twitter": "https://x.com/{}",
    "orcid": "https://orcid.org/{}",
    "stackoverflow": "https://stackoverflow.com/users/{}",
}


def profile_url(profile: Profile) -> str | None:
    if profile.url:
        return profile.url
    template = PROFILE_URLS.get(profile.network.lower().replace(" ", ""))
    return template.format(profile.username) if template else None


class Variant(Model):
    """One targeted version of the résumé, made from the same source."""

    include_tags: list[Tag] = Field(
        default=[],
        description="Keep tagged items only if they carry one of these (untagged items "
        "always stay).",
    )
    exclude_tags: list[Tag] = Field(
        default=[], description="Leave out every item that carries one of these."
    )
    sections: list[PlainText] | None = Field(
        default=None,
        description="The sections to show, by id or title, in this order (default: all).",
    )
    headline: Markup | None = Field(default=None, description="Replaces the headline.")
    title: PlainText | None = Field(default=None, description="Replaces the document title.")
    locale: Locale | None = Field(
        default=None,
        description="Replaces the résumé's locale: one source, a résumé in each language.",
    )


class Resume(Model):
    name: PlainText
    headline: Markup | None = Field(
        default=None,
        description="A line under the name, e.g. PhD student in machine-learning systems.",
    )
    location: PlainText | None = None
    email: Email | None = None
    phone: Phone | None = None
    website: Url | None = None
    profiles: list[Profile] = []
    last_updated: Date | None = Field(
        default=None,
        description="Shown on the résumé and used as the documents' date (never the clock).",
    )
    sections: list[Section] = []
    variants: dict[Tag, Variant] = Field(
        default={}, description="Named versions: `resumeout export --variant NAME`."
    )
    # model_construct: as Locale()/Design() would be, without building a validator on import.
    locale: Locale = Field(
        default=Locale.model_construct(),
        description="The language the résumé is written in: resumeout's own words "
        "(Present, Keywords…), month names and date patterns follow it.",
    )
    design: Design = Design.model_construct()
    settings: Settings = Settings.model_construct()

    @field_validator("profiles")
    @classmethod
    def _profiles_have_urls(cls, profiles: list[Profile]) -> list[Profile]:
        for profile in profiles:
            if profile_url(profile) is None:
                raise PydanticCustomError(
                    "profile_url_missing",
                    "resumeout does not know {network}'s addresses; add `url:` to this profile",
                    {"network": profile.network},
                )
        return profiles

    @field_validator("sections")
    @classmethod
    def _unique_ids(cls, sections: list[Section]) -> list[Section]:
        seen: set[str] = set()
        for section in sections:
            if section.id is not None and section.id in seen:
                raise PydanticCustomError(
                    "section_id_duplicate",
                    "two sections have the id '{id}'; ids are unique",
                    {"id": section.id},
                )
            if section.id is not None:
                seen.add(section.id)
        return sections

    @field_validator("settings")
    @classmethod
    def _present_said_once(cls, settings: Settings, info: ValidationInfo) -> Settings:
        locale = info.data.get("locale")
        if settings.dates.present is not None and locale and locale.labels.present is not None:
            raise PydanticCustomError(
                "present_twice",
                "dates.present and locale.labels.present both give the word for an ongoing "
                "range; keep one (locale.labels.present)",
            )
        return settings

    @property
    def owner_names(self) -> tuple[str, ...]:
        return (self.name, *self.settings.owner_names)

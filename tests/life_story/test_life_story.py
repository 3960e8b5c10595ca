"""The child's rammefortelling over HTTP (issue #14 item 5, P3): written in parts over time,
every version kept and readable, two writers never overwriting each other, bad input refused."""

from __future__ import annotations

from typing import Any

import httpx

from tests.helpers import Api, Caller, Case, make_case, ok, pointers, problem

PARTS = [
    "min_historie",
    "hvorfor_jeg_ikke_bor_hjemme",
    "familien_min",
    "viktige_personer",
    "det_jeg_er_god_til",
    "det_som_har_vaert_vanskelig",
]


def story_url(case: Case) -> str:
    return f"/v1/children/{case.child['id']}/life-story"


def part_url(case: Case, key: str) -> str:
    return f"{story_url(case)}/parts/{key}"


def write(
    caller: Caller, case: Case, key: str, text: str, etag: str | None = None
) -> httpx.Response:
    headers = {"If-Match": etag} if etag else {}
    return caller.request("PUT", part_url(case, key), json={"text": text}, headers=headers)


def etag_of(caller: Caller, case: Case, key: str) -> str:
    response = caller.get(part_url(case, key))
    assert response.status_code == 200, response.text
    return str(response.headers["etag"])


class TestALifeStoryIsWrittenInPartsOverTime:
    def test_a_new_story_has_six_parts_in_order_and_nothing_written(self, api: Api) -> None:
        case = make_case(api)
        story = ok(case.tenant.contact.get(story_url(case)))
        assert [p["key"] for p in story["parts"]] == PARTS
        assert [p["title"] for p in story["parts"]][:2] == [
            "Min historie",
            "Hvorfor jeg ikke bor hjemme",
        ]
        assert all(p["version"] == 0 and p["current"] is None for p in story["parts"])
        assert all(p["guidance"] for p in story["parts"])
        assert story["last_written_at"] is None

    def test_each_write_is_a_new_version_and_every_version_stays_readable(self, api: Api) -> None:
        case = make_case(api)
        contact = case.tenant.contact
        first = write(contact, case, "min_historie", "Emma ble født i Bergen i 2015.")
        assert first.status_code == 200, first.text
        assert first.json()["version"] == 1
        assert first.json()["current"]["written_by_name"] == "Kari Kontakt"

        second = write(
            case.tenant.leader,
            case,
            "min_historie",
            "Emma ble født i Bergen i 2015 og bodde hos mor til hun var sju.",
            first.headers["etag"],
        )
        assert second.status_code == 200, second.text
        assert second.json()["version"] == 2
        assert second.json()["current"]["written_by_name"] is None  # a leader token without staff
        assert second.json()["current"]["written_by_role"] == "leader"
        ok(write(contact, case, "det_jeg_er_god_til", "Fotball, tegning og å trøste lillebror."))

        story = ok(contact.get(story_url(case)))
        parts = {p["key"]: p for p in story["parts"]}
        assert parts["min_historie"]["version"] == 2
        assert parts["min_historie"]["current"]["text"].endswith("til hun var sju.")
        assert parts["det_jeg_er_god_til"]["version"] == 1
        assert parts["familien_min"]["version"] == 0
        assert story["last_written_at"] == parts["det_jeg_er_god_til"]["current"]["created_at"]

        history = ok(contact.get(f"{part_url(case, 'min_historie')}/versions"))["items"]
        assert [v["number"] for v in history] == [2, 1]
        assert history[1]["text"] == "Emma ble født i Bergen i 2015."
        assert history[1]["written_by_name"] == "Kari Kontakt"
        assert history[0]["created_at"] >= history[1]["created_at"]

    def test_the_part_read_gives_the_etag_of_the_next_write(self, api: Api) -> None:
        case = make_case(api)
        contact = case.tenant.contact
        ok(write(contact, case, "familien_min", "Mor heter Anne. Emma har en lillebror."))
        etag = etag_of(contact, case, "familien_min")
        again = write(contact, case, "familien_min", "Mor heter Anne.", etag)
        assert again.status_code == 200, again.text
        assert again.headers["etag"] == etag_of(contact, case, "familien_min")

    def test_a_journal_system_write_records_the_user_it_was_made_for(self, api: Api) -> None:
        case = make_case(api)
        response = case.tenant.integration.request(
            "PUT",
            part_url(case, "viktige_personer"),
            json={"text": "Treneren på fotballaget, Jonas."},
            headers={"X-On-Behalf-Of": "fagsystem-bruker-17"},
        )
        current = ok(response)["current"]
        assert current["on_behalf_of"] == "fagsystem-bruker-17"
        assert (current["written_by_name"], current["written_by_role"]) == (None, "integration")

    def test_a_write_is_an_event_in_the_feed_without_the_text(self, api: Api) -> None:
        case = make_case(api)
        written = ok(write(case.tenant.contact, case, "min_historie", "Emma ble født i Bergen."))
        feed = ok(case.tenant.integration.get("/v1/events", params={"limit": 100}))
        events = [e for e in feed["items"] if e["type"] == "life_story.part_written"]
        assert [e["subject_id"] for e in events] == [written["current"]["id"]]
        assert events[0]["data"] == {
            "child_id": case.child["id"],
            "part_key": "min_historie",
            "number": 1,
        }
        assert "Bergen" not in str(events)

    def test_the_life_story_is_in_the_childs_privacy_export(self, api: Api) -> None:
        case = make_case(api)
        ok(write(case.tenant.contact, case, "min_historie", "Første versjon."))
        etag = etag_of(case.tenant.contact, case, "min_historie")
        ok(write(case.tenant.contact, case, "min_historie", "Andre versjon.", etag))
        export = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/export"))
        assert [(v["part_key"], v["number"], v["text"]) for v in export["life_story"]] == [
            ("min_historie", 1, "Første versjon."),
            ("min_historie", 2, "Andre versjon."),
        ]


class TestTwoWritersCannotOverwriteEachOther:
    def test_a_stale_etag_is_refused_with_412_and_the_winner_stays(self, api: Api) -> None:
        case = make_case(api)
        contact, leader = case.tenant.contact, case.tenant.leader
        ok(write(contact, case, "min_historie", "Første utkast."))
        read_by_both = etag_of(contact, case, "min_historie")
        ok(write(leader, case, "min_historie", "Leders tekst.", read_by_both))

        stale = write(contact, case, "min_historie", "Kontaktpersonens tekst.", read_by_both)

        problem(stale, 412, "precondition-failed")
        current = ok(contact.get(part_url(case, "min_historie")))
        assert (current["version"], current["current"]["text"]) == (2, "Leders tekst.")
        history = ok(contact.get(f"{part_url(case, 'min_historie')}/versions"))["items"]
        assert len(history) == 2

    def test_a_written_part_without_if_match_is_428(self, api: Api) -> None:
        case = make_case(api)
        ok(write(case.tenant.contact, case, "min_historie", "Første utkast."))
        refused = write(case.tenant.leader, case, "min_historie", "Overskriver uten å lese.")
        problem(refused, 428, "precondition-required")
        assert ok(case.tenant.contact.get(part_url(case, "min_historie")))["version"] == 1

    def test_a_first_write_naming_the_unwritten_part_loses_to_one_that_came_first(
        self, api: Api
    ) -> None:
        case = make_case(api)
        unwritten = etag_of(case.tenant.contact, case, "familien_min")
        ok(write(case.tenant.leader, case, "familien_min", "Leder skrev først.", unwritten))
        late = write(case.tenant.contact, case, "familien_min", "Kontakt kom etter.", unwritten)
        problem(late, 412, "precondition-failed")


class TestBadInputIsRefused:
    def test_an_unknown_part_is_a_404_naming_the_parts(self, api: Api) -> None:
        case = make_case(api)
        for response in (
            write(case.tenant.contact, case, "hemmeligheter", "Tekst."),
            case.tenant.contact.get(part_url(case, "hemmeligheter")),
            case.tenant.contact.get(f"{part_url(case, 'hemmeligheter')}/versions"),
        ):
            body = problem(response, 404, "not-found")
            assert "min_historie" in body["detail"]
            assert body["errors"][0]["parameter"] == "part_key"
            assert body["errors"][0]["code"] == "unknown_part"

    def test_an_empty_text_is_a_422_at_the_text_and_writes_nothing(self, api: Api) -> None:
        case = make_case(api)
        for body in ({"text": "   "}, {"text": ""}, {}):
            response = case.tenant.contact.request("PUT", part_url(case, "min_historie"), json=body)
            assert pointers(problem(response, 422, "validation-error")) == ["#/text"]
        assert ok(case.tenant.contact.get(part_url(case, "min_historie")))["version"] == 0

    def test_an_unknown_field_and_a_text_too_long_are_422(self, api: Api) -> None:
        case = make_case(api)
        url = part_url(case, "min_historie")
        bodies: list[dict[str, Any]] = [
            {"text": "Tekst.", "number": 3},
            {"text": "x" * 20001},
        ]
        for body, pointer in zip(bodies, ["#/number", "#/text"], strict=True):
            response = case.tenant.contact.request("PUT", url, json=body)
            assert pointers(problem(response, 422, "validation-error")) == [pointer]

    def test_another_services_child_is_a_404_and_nothing_is_written(self, api: Api) -> None:
        case, other = make_case(api), make_case(api)
        outsider = other.tenant.integration
        response = outsider.request(
            "PUT", part_url(case, "min_historie"), json={"text": "Fra en annen tjeneste."}
        )
        problem(response, 404, "not-found")
        problem(outsider.get(story_url(case)), 404, "not-found")
        assert ok(case.tenant.contact.get(part_url(case, "min_historie")))["version"] == 0

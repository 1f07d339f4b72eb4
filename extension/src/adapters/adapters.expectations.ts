/**
 * What each saved CRM page must yield: one entry per control, in tree order (a shadow root's
 * content comes right after its host). Phones are E.164; sourceUrl is absolute.
 */
import type { CapturedNumber } from "~lib/messages";

export type PageExpectation = {
  file: string;
  url: string;
  crm: string;
  captured: Omit<CapturedNumber, "crm">[];
};

const HUBSPOT_RECORD = "https://app.hubspot.com/contacts/2145301/record/0-1/51";
const hubspotMaria = { name: "Maria Johnson", company: "Acme Robotics", sourceUrl: HUBSPOT_RECORD };
const hubspotRow = (id: number, name: string, company: string, phone: string) => ({
  phone, name, company, sourceUrl: `https://app.hubspot.com/contacts/2145301/record/0-1/${id}`
});

const SF_RECORD = "https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZabAAA/view";
const sfPriya = { name: "Dr. Priya Raman", company: "Globex Health", sourceUrl: SF_RECORD };
const sfRow = (n: number, name: string, company: string, phone: string) => ({
  phone, name, company, sourceUrl: `https://acme.lightning.force.com/lightning/r/0035g00000AAAAAAA${n}/view`
});

const PD_RECORD = "https://acme.pipedrive.com/person/1234";
const pdLukas = { name: "Lukas Becker", company: "Nordwind Logistik GmbH", sourceUrl: PD_RECORD };
const pdRow = (id: number, name: string, company: string, phone: string) => ({
  phone, name, company, sourceUrl: `https://acme.pipedrive.com/person/${id}`
});

const ZOHO_RECORD = "https://crm.zoho.com/crm/org700123456/tab/Contacts/5725767000000412001";
const zohoAiko = { name: "Aiko Tanaka", company: "Sakura Trading Co.", sourceUrl: ZOHO_RECORD };
const zohoRow = (n: number, name: string, company: string, phone: string) => ({
  phone, name, company, sourceUrl: `https://crm.zoho.com/crm/org700123456/tab/Contacts/572576700000041200${n}`
});

const CLOSE_LEAD = "https://app.close.com/lead/lead_4x9QhF2b8yWk3eJ1cZ7aPpRmTnVdUsGo/";
const closeRow = (lead: string, name: string, company: string, phone: string) => ({
  phone, name, company, sourceUrl: `https://app.close.com/lead/${lead}/`
});

const ATTIO_RECORD = "https://app.attio.com/acme/person/3f1c2b9a-7d4e-4a8b-9c21-5e6f7a8b9c0d/overview";
const attioNoah = { name: "Noah Fischer", company: "Brightline Analytics", sourceUrl: ATTIO_RECORD };
const attioRow = (id: string, name: string, company: string, phone: string) => ({
  phone, name, company, sourceUrl: `https://app.attio.com/acme/person/${id}/overview`
});

export const EXPECTATIONS: PageExpectation[] = [
  {
    file: "hubspot-contact.html", url: HUBSPOT_RECORD, crm: "hubspot",
    captured: [
      { phone: "+14155550132", ...hubspotMaria },
      { phone: "+14155550132", ...hubspotMaria },
      { phone: "+16285550187", ...hubspotMaria },
      { phone: "+14155550100", ...hubspotMaria }
    ]
  },
  {
    file: "hubspot-contacts-list.html", url: "https://app.hubspot.com/contacts/2145301/objects/0-1/views/all/list", crm: "hubspot",
    captured: [
      hubspotRow(51, "Maria Johnson", "Acme Robotics", "+14155550132"),
      hubspotRow(52, "Dev Patel", "Initech", "+12125550143"),
      hubspotRow(53, "Chloé Martin", "Globex France", "+33142685300"),
      hubspotRow(54, "Oliver Smith", "Umbrella UK", "+442079460958"),
      hubspotRow(55, "Sam Lee", "Hooli", "+16505550119")
    ]
  },
  {
    file: "salesforce-contact.html", url: SF_RECORD, crm: "salesforce",
    captured: [
      { phone: "+14155550148", ...sfPriya }, // in records-highlights2's shadow root
      { phone: "+14155550148", ...sfPriya },
      { phone: "+442079460321", ...sfPriya },
      { phone: "+14155550199", ...sfPriya } // in c-assistant-card's shadow root
    ]
  },
  {
    file: "salesforce-contacts-list.html", url: "https://acme.lightning.force.com/lightning/o/Contact/list?filterName=Recent", crm: "salesforce",
    captured: [
      sfRow(1, "Ana Lopez", "Initech", "+13125550161"),
      sfRow(2, "Ben Okafor", "Stark Industries", "+12065550174"),
      sfRow(3, "Carla Reyes", "Wayne Enterprises", "+13055550126")
    ]
  },
  {
    file: "pipedrive-person.html", url: PD_RECORD, crm: "pipedrive",
    captured: [{ phone: "+493012345678", ...pdLukas }, { phone: "+14155550123", ...pdLukas }]
  },
  {
    file: "pipedrive-persons-list.html", url: "https://acme.pipedrive.com/persons/list/user/everyone", crm: "pipedrive",
    captured: [
      pdRow(1234, "Lukas Becker", "Nordwind Logistik GmbH", "+493012345678"),
      pdRow(1235, "Emma Larsen", "Fjord Foods AS", "+15035550182"),
      pdRow(1236, "Tomás Silva", "Atlântico Lda", "+17025550147")
    ]
  },
  {
    file: "zoho-contact.html", url: ZOHO_RECORD, crm: "zoho",
    captured: [{ phone: "+16465550194", ...zohoAiko }, { phone: "+16465550195", ...zohoAiko }]
  },
  {
    file: "zoho-contacts-list.html", url: "https://crm.zoho.com/crm/org700123456/tab/Contacts/custom-view/5725767000000091509/list", crm: "zoho",
    captured: [
      zohoRow(1, "Aiko Tanaka", "Sakura Trading Co.", "+16465550194"),
      zohoRow(2, "Rahul Mehta", "Mehta Exports", "+17135550138"),
      zohoRow(3, "Grace Kim", "Han River Labs", "+14045550165")
    ]
  },
  {
    file: "close-lead.html", url: CLOSE_LEAD, crm: "close",
    captured: [
      { phone: "+17205550111", name: "Hannah Cole", company: "Bluebird Dental", sourceUrl: CLOSE_LEAD },
      { phone: "+17205550112", name: "Hannah Cole", company: "Bluebird Dental", sourceUrl: CLOSE_LEAD },
      { phone: "+17205550113", name: "Dr. Felix Ortega", company: "Bluebird Dental", sourceUrl: CLOSE_LEAD }
    ]
  },
  {
    file: "close-leads-list.html", url: "https://app.close.com/leads/", crm: "close",
    captured: [
      closeRow("lead_4x9QhF2b8yWk3eJ1cZ7aPpRmTnVdUsGo", "Hannah Cole", "Bluebird Dental", "+17205550111"),
      closeRow("lead_7bQ2mX9pLk4Rt1Vw8Zc3Yd6Hf5Jn0Gs2Ae", "Marcus Green", "Summit Roofing", "+18015550156"),
      closeRow("lead_2kP8sN3vQx7Lm1Bz9Wc4Rt6Yh5Jd0Fg8Ue", "Isla Novak", "Harbor Coffee", "+16175550178")
    ]
  },
  {
    file: "attio-person.html", url: ATTIO_RECORD, crm: "attio",
    captured: [{ phone: "+14155550104", ...attioNoah }, { phone: "+442079460111", ...attioNoah }]
  },
  {
    file: "attio-people-list.html", url: "https://app.attio.com/acme/people/view/6a1b2c3d-all-people", crm: "attio",
    captured: [
      attioRow("3f1c2b9a-7d4e-4a8b-9c21-5e6f7a8b9c0d", "Noah Fischer", "Brightline Analytics", "+14155550104"),
      attioRow("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "Mia Rossi", "Vela Studio", "+390669820001"),
      attioRow("1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "Liam Walsh", "Cliffside Ventures", "+19175550125")
    ]
  }
];

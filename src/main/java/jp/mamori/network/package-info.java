/**
 * ネットワーク: what routers and firewalls actually allow. Reads device configurations (YAMAHA
 * RTX {@code show config}, FortiGate, Cisco IOS and ASA, Linux iptables, pfSense) into
 * one rule model (interfaces and zones, address objects, services, ordered filter rules,
 * NAT and port forwards, management-plane access, VPN settings) and finds what checklist
 * item 2-⑬ (接続元制限) is about: any-source rules, management open to the internet, exposed
 * port forwards, VPNs without source restriction or two-factor. Also reads network scans
 * (nmap XML) against the device ledger (2-①). Does not own devices (inventory) or
 * vulnerability data (vulnerability).
 */
@org.springframework.modulith.ApplicationModule(displayName = "ネットワーク (network)")
package jp.mamori.network;

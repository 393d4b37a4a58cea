var V=globalThis,B=V.ShadowRoot&&(V.ShadyCSS===void 0||V.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,X=Symbol(),yt=new WeakMap,M=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==X)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o,e=this.t;if(B&&t===void 0){let s=e!==void 0&&e.length===1;s&&(t=yt.get(e)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),s&&yt.set(e,t))}return t}toString(){return this.cssText}},bt=n=>new M(typeof n=="string"?n:n+"",void 0,X),Q=(n,...t)=>{let e=n.length===1?n[0]:t.reduce((s,r,i)=>s+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+n[i+1],n[0]);return new M(e,n,X)},vt=(n,t)=>{if(B)n.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of t){let s=document.createElement("style"),r=V.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=e.cssText,n.appendChild(s)}},tt=B?n=>n:n=>n instanceof CSSStyleSheet?(t=>{let e="";for(let s of t.cssRules)e+=s.cssText;return bt(e)})(n):n;var{is:he,defineProperty:fe,getOwnPropertyDescriptor:me,getOwnPropertyNames:ge,getOwnPropertySymbols:_e,getPrototypeOf:ye}=Object,j=globalThis,$t=j.trustedTypes,be=$t?$t.emptyScript:"",ve=j.reactiveElementPolyfillSupport,H=(n,t)=>n,et={toAttribute(n,t){switch(t){case Boolean:n=n?be:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,t){let e=n;switch(t){case Boolean:e=n!==null;break;case Number:e=n===null?null:Number(n);break;case Object:case Array:try{e=JSON.parse(n)}catch{e=null}}return e}},wt=(n,t)=>!he(n,t),xt={attribute:!0,type:String,converter:et,reflect:!1,useDefault:!1,hasChanged:wt};Symbol.metadata??=Symbol("metadata"),j.litPropertyMetadata??=new WeakMap;var b=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=xt){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(t,s,e);r!==void 0&&fe(this.prototype,t,r)}}static getPropertyDescriptor(t,e,s){let{get:r,set:i}=me(this.prototype,t)??{get(){return this[e]},set(a){this[e]=a}};return{get:r,set(a){let d=r?.call(this);i?.call(this,a),this.requestUpdate(t,d,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??xt}static _$Ei(){if(this.hasOwnProperty(H("elementProperties")))return;let t=ye(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(H("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(H("properties"))){let e=this.properties,s=[...ge(e),..._e(e)];for(let r of s)this.createProperty(r,e[r])}let t=this[Symbol.metadata];if(t!==null){let e=litPropertyMetadata.get(t);if(e!==void 0)for(let[s,r]of e)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[e,s]of this.elementProperties){let r=this._$Eu(e,s);r!==void 0&&this._$Eh.set(r,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let e=[];if(Array.isArray(t)){let s=new Set(t.flat(1/0).reverse());for(let r of s)e.unshift(tt(r))}else t!==void 0&&e.push(tt(t));return e}static _$Eu(t,e){let s=e.attribute;return s===!1?void 0:typeof s=="string"?s:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,e=this.constructor.elementProperties;for(let s of e.keys())this.hasOwnProperty(s)&&(t.set(s,this[s]),delete this[s]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return vt(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,s){this._$AK(t,s)}_$ET(t,e){let s=this.constructor.elementProperties.get(t),r=this.constructor._$Eu(t,s);if(r!==void 0&&s.reflect===!0){let i=(s.converter?.toAttribute!==void 0?s.converter:et).toAttribute(e,s.type);this._$Em=t,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(t,e){let s=this.constructor,r=s._$Eh.get(t);if(r!==void 0&&this._$Em!==r){let i=s.getPropertyOptions(r),a=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:et;this._$Em=r;let d=a.fromAttribute(e,i.type);this[r]=d??this._$Ej?.get(r)??d,this._$Em=null}}requestUpdate(t,e,s,r=!1,i){if(t!==void 0){let a=this.constructor;if(r===!1&&(i=this[t]),s??=a.getPropertyOptions(t),!((s.hasChanged??wt)(i,e)||s.useDefault&&s.reflect&&i===this._$Ej?.get(t)&&!this.hasAttribute(a._$Eu(t,s))))return;this.C(t,e,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,e,{useDefault:s,reflect:r,wrapped:i},a){s&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,a??e??this[t]),i!==!0||a!==void 0)||(this._$AL.has(t)||(this.hasUpdated||s||(e=void 0),this._$AL.set(t,e)),r===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,i]of this._$Ep)this[r]=i;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,i]of s){let{wrapped:a}=i,d=this[r];a!==!0||this._$AL.has(r)||d===void 0||this.C(r,void 0,i,d)}}let t=!1,e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(e)):this._$EM()}catch(s){throw t=!1,this._$EM(),s}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(t){}firstUpdated(t){}};b.elementStyles=[],b.shadowRootOptions={mode:"open"},b[H("elementProperties")]=new Map,b[H("finalized")]=new Map,ve?.({ReactiveElement:b}),(j.reactiveElementVersions??=[]).push("2.1.2");var dt=globalThis,At=n=>n,W=dt.trustedTypes,St=W?W.createPolicy("lit-html",{createHTML:n=>n}):void 0,Pt="$lit$",$=`lit$${Math.random().toFixed(9).slice(2)}$`,Mt="?"+$,$e=`<${Mt}>`,E=document,U=()=>E.createComment(""),O=n=>n===null||typeof n!="object"&&typeof n!="function",ct=Array.isArray,xe=n=>ct(n)||typeof n?.[Symbol.iterator]=="function",st=`[ 	
\f\r]`,D=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,kt=/-->/g,Et=/>/g,S=RegExp(`>|${st}(?:([^\\s"'>=/]+)(${st}*=${st}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ct=/'/g,Tt=/"/g,Ht=/^(?:script|style|textarea|title)$/i,lt=n=>(t,...e)=>({_$litType$:n,strings:t,values:e}),c=lt(1),G=lt(2),Le=lt(3),C=Symbol.for("lit-noChange"),p=Symbol.for("lit-nothing"),Rt=new WeakMap,k=E.createTreeWalker(E,129);function Dt(n,t){if(!ct(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return St!==void 0?St.createHTML(t):t}var we=(n,t)=>{let e=n.length-1,s=[],r,i=t===2?"<svg>":t===3?"<math>":"",a=D;for(let d=0;d<e;d++){let o=n[d],l,h,u=-1,m=0;for(;m<o.length&&(a.lastIndex=m,h=a.exec(o),h!==null);)m=a.lastIndex,a===D?h[1]==="!--"?a=kt:h[1]!==void 0?a=Et:h[2]!==void 0?(Ht.test(h[2])&&(r=RegExp("</"+h[2],"g")),a=S):h[3]!==void 0&&(a=S):a===S?h[0]===">"?(a=r??D,u=-1):h[1]===void 0?u=-2:(u=a.lastIndex-h[2].length,l=h[1],a=h[3]===void 0?S:h[3]==='"'?Tt:Ct):a===Tt||a===Ct?a=S:a===kt||a===Et?a=D:(a=S,r=void 0);let g=a===S&&n[d+1].startsWith("/>")?" ":"";i+=a===D?o+$e:u>=0?(s.push(l),o.slice(0,u)+Pt+o.slice(u)+$+g):o+$+(u===-2?d:g)}return[Dt(n,i+(n[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),s]},N=class n{constructor({strings:t,_$litType$:e},s){let r;this.parts=[];let i=0,a=0,d=t.length-1,o=this.parts,[l,h]=we(t,e);if(this.el=n.createElement(l,s),k.currentNode=this.el.content,e===2||e===3){let u=this.el.content.firstChild;u.replaceWith(...u.childNodes)}for(;(r=k.nextNode())!==null&&o.length<d;){if(r.nodeType===1){if(r.hasAttributes())for(let u of r.getAttributeNames())if(u.endsWith(Pt)){let m=h[a++],g=r.getAttribute(u).split($),_=/([.?@])?(.*)/.exec(m);o.push({type:1,index:i,name:_[2],strings:g,ctor:_[1]==="."?rt:_[1]==="?"?it:_[1]==="@"?at:P}),r.removeAttribute(u)}else u.startsWith($)&&(o.push({type:6,index:i}),r.removeAttribute(u));if(Ht.test(r.tagName)){let u=r.textContent.split($),m=u.length-1;if(m>0){r.textContent=W?W.emptyScript:"";for(let g=0;g<m;g++)r.append(u[g],U()),k.nextNode(),o.push({type:2,index:++i});r.append(u[m],U())}}}else if(r.nodeType===8)if(r.data===Mt)o.push({type:2,index:i});else{let u=-1;for(;(u=r.data.indexOf($,u+1))!==-1;)o.push({type:7,index:i}),u+=$.length-1}i++}}static createElement(t,e){let s=E.createElement("template");return s.innerHTML=t,s}};function R(n,t,e=n,s){if(t===C)return t;let r=s!==void 0?e._$Co?.[s]:e._$Cl,i=O(t)?void 0:t._$litDirective$;return r?.constructor!==i&&(r?._$AO?.(!1),i===void 0?r=void 0:(r=new i(n),r._$AT(n,e,s)),s!==void 0?(e._$Co??=[])[s]=r:e._$Cl=r),r!==void 0&&(t=R(n,r._$AS(n,t.values),r,s)),t}var nt=class{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:e},parts:s}=this._$AD,r=(t?.creationScope??E).importNode(e,!0);k.currentNode=r;let i=k.nextNode(),a=0,d=0,o=s[0];for(;o!==void 0;){if(a===o.index){let l;o.type===2?l=new I(i,i.nextSibling,this,t):o.type===1?l=new o.ctor(i,o.name,o.strings,this,t):o.type===6&&(l=new ot(i,this,t)),this._$AV.push(l),o=s[++d]}a!==o?.index&&(i=k.nextNode(),a++)}return k.currentNode=E,r}p(t){let e=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(t,s,e),e+=s.strings.length-2):s._$AI(t[e])),e++}},I=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,s,r){this.type=2,this._$AH=p,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=R(this,t,e),O(t)?t===p||t==null||t===""?(this._$AH!==p&&this._$AR(),this._$AH=p):t!==this._$AH&&t!==C&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):xe(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==p&&O(this._$AH)?this._$AA.nextSibling.data=t:this.T(E.createTextNode(t)),this._$AH=t}$(t){let{values:e,_$litType$:s}=t,r=typeof s=="number"?this._$AC(t):(s.el===void 0&&(s.el=N.createElement(Dt(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(e);else{let i=new nt(r,this),a=i.u(this.options);i.p(e),this.T(a),this._$AH=i}}_$AC(t){let e=Rt.get(t.strings);return e===void 0&&Rt.set(t.strings,e=new N(t)),e}k(t){ct(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,s,r=0;for(let i of t)r===e.length?e.push(s=new n(this.O(U()),this.O(U()),this,this.options)):s=e[r],s._$AI(i),r++;r<e.length&&(this._$AR(s&&s._$AB.nextSibling,r),e.length=r)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){let s=At(t).nextSibling;At(t).remove(),t=s}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},P=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,s,r,i){this.type=1,this._$AH=p,this._$AN=void 0,this.element=t,this.name=e,this._$AM=r,this.options=i,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=p}_$AI(t,e=this,s,r){let i=this.strings,a=!1;if(i===void 0)t=R(this,t,e,0),a=!O(t)||t!==this._$AH&&t!==C,a&&(this._$AH=t);else{let d=t,o,l;for(t=i[0],o=0;o<i.length-1;o++)l=R(this,d[s+o],e,o),l===C&&(l=this._$AH[o]),a||=!O(l)||l!==this._$AH[o],l===p?t=p:t!==p&&(t+=(l??"")+i[o+1]),this._$AH[o]=l}a&&!r&&this.j(t)}j(t){t===p?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},rt=class extends P{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===p?void 0:t}},it=class extends P{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==p)}},at=class extends P{constructor(t,e,s,r,i){super(t,e,s,r,i),this.type=5}_$AI(t,e=this){if((t=R(this,t,e,0)??p)===C)return;let s=this._$AH,r=t===p&&s!==p||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive,i=t!==p&&(s===p||r);r&&this.element.removeEventListener(this.name,this,s),i&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},ot=class{constructor(t,e,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){R(this,t)}};var Ae=dt.litHtmlPolyfillSupport;Ae?.(N,I),(dt.litHtmlVersions??=[]).push("3.3.3");var Ut=(n,t,e)=>{let s=e?.renderBefore??t,r=s._$litPart$;if(r===void 0){let i=e?.renderBefore??null;s._$litPart$=r=new I(t.insertBefore(U(),i),i,void 0,e??{})}return r._$AI(n),r};var pt=globalThis,y=class extends b{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=Ut(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return C}};y._$litElement$=!0,y.finalized=!0,pt.litElementHydrateSupport?.({LitElement:y});var Se=pt.litElementPolyfillSupport;Se?.({LitElement:y});(pt.litElementVersions??=[]).push("4.2.2");var Ot="component.back_relief.card.";function ht(n,t){let e={};for(let[s,r]of Object.entries(t))s.startsWith(Ot)&&typeof r=="string"&&(e[s.slice(Ot.length)]=r);return{language:n,strings:e}}function f(n,t,e={}){return(n?.strings[t]??t).replace(/\{(\w+)\}/g,(r,i)=>i in e?String(e[i]):r)}function Nt(n,t,e){let s=n?.language||"en",r=new Intl.PluralRules(s).select(e),i=`${t}.${r}`,a=n?.strings[i]!==void 0?i:`${t}.other`;return f(n,a,{count:e})}var ut=new Map;function q(n,t){let e=ut.get(t);return e||(e=n.callWS({type:"frontend/get_translations",language:t,category:"card",integration:["back_relief"]}).then(s=>ht(t,s.resources)),e.catch(()=>ut.delete(t)),ut.set(t,e)),e}function F(n){return n.locale?.language||n.language||"en"}var x="back_relief",K=["inversion","stretch","rest","exercise"],v=["exercise","rest","inversion"],It=["sensor.session","sensor.session_ends","sensor.pain_level","switch.flare_up","select.stretch_routine",...v.flatMap(n=>[`sensor.${n}_today`,`sensor.${n}_streak`]),...K.map(n=>`number.${n}_duration`)],zt=Array.from({length:11},(n,t)=>t),T=new Set(["unavailable","unknown"]);function ke(n){let t=n.identifiers.find(([e])=>e===x);if(t)return{entryId:t[1],deviceId:n.id,name:n.name_by_user||n.name||""}}function ft(n){let t=[];for(let e of Object.values(n.devices??{})){let s=e&&ke(e);s&&t.push(s)}return t.sort((e,s)=>e.name.localeCompare(s.name)||e.entryId.localeCompare(s.entryId))}function Lt(n,t){let e=ft(n);return t?e.find(s=>s.entryId===t):e.length===1?e[0]:void 0}function Vt(n,t){let e={};for(let s of Object.values(n.entities??{})){if(!s||s.device_id!==t||s.platform!==x||!s.translation_key)continue;let r=s.entity_id.split(".",1)[0];e[`${r}.${s.translation_key}`]=s.entity_id}return e}function Ee(n){let{step:t,step_number:e,step_count:s,step_side:r,step_cue:i}=n;if(typeof t!="string"||typeof e!="number")return;let a={name:t,number:e};(r==="left"||r==="right")&&(a.side=r),typeof i=="string"&&i&&i!==t&&(a.cue=i),typeof s=="number"&&s>=e&&(a.count=s);let d=z(n.step_ends_at);return d!==void 0&&(a.endsAt=d),a}function z(n){if(typeof n!="string"||T.has(n))return;let t=Date.parse(n);return Number.isNaN(t)?void 0:t}function Bt(n,t){if(!n||T.has(n.state))return{status:"unavailable"};if(n.state==="idle")return{status:"idle"};let e=n.state,s=typeof n.attributes.planned_minutes=="number"?n.attributes.planned_minutes:void 0,r=Ee(n.attributes);if(n.attributes.status==="paused")return{status:"paused",activity:e,plannedMinutes:s,endsAt:z(n.attributes.ends_at),pausedAt:z(n.attributes.paused_at),...r&&{step:r}};let i=z(t?.state)??z(n.attributes.ends_at);return{status:"running",activity:e,plannedMinutes:s,endsAt:i,...r&&{step:r}}}function jt(n,t){if(!(n.status!=="running"||n.step?.endsAt===void 0))return Math.max(0,n.step.endsAt-t)}function Wt(n){let t=n.filter(e=>e!==void 0&&e>0).map(e=>Ce(e));return t.length?Math.min(...t):void 0}function Gt(n,t){if(n.endsAt!==void 0){if(n.status==="running")return Math.max(0,n.endsAt-t);if(n.status==="paused"&&n.pausedAt!==void 0)return Math.max(0,n.endsAt-n.pausedAt)}}function qt(n){if(n===void 0||!Number.isFinite(n))return"–:––";let t=Math.ceil(Math.max(0,n)/1e3),e=Math.floor(t/3600),s=Math.floor(t%3600/60),r=String(t%60).padStart(2,"0");return e>0?`${e}:${String(s).padStart(2,"0")}:${r}`:`${s}:${r}`}function Ce(n){return(n%1e3||1e3)+5}function Ft(n){switch(n){case"running":return["pause","stop"];case"paused":return["resume","stop"];default:return[]}}function Kt(n,t){return n!=="idle"?[]:K.map(e=>{let s=Number.parseFloat(t[e]?.state??"");return Number.isFinite(s)?{activity:e,minutes:Math.round(s)}:{activity:e}})}function Yt(n){if(!n||T.has(n.state))return;let t=Number.parseFloat(n.state);if(!Number.isFinite(t))return;let e=typeof n.attributes.goal=="number"?n.attributes.goal:void 0;return e===void 0||e<=0?{minutes:t,goal:e,fraction:t>0?1:0,met:e!==void 0}:{minutes:t,goal:e,fraction:Math.min(1,Math.max(0,t/e)),met:t>=e}}function Zt(n){if(!n||T.has(n.state))return;let t=Number.parseInt(n.state,10);if(!Number.isFinite(t))return;let e=typeof n.attributes.best=="number"?n.attributes.best:void 0;return{days:t,best:e,todayMet:n.attributes.today_met===!0}}function Jt(n){if(!n||T.has(n.state))return;let t=Number.parseFloat(n.state);return Number.isFinite(t)?Math.round(t):void 0}function Xt(n){if(!(!n||T.has(n.state)))return n.state==="on"}function mt(n,t){if(n&&typeof n=="object"&&"message"in n){let e=n.message;if(typeof e=="string"&&e)return e}return typeof n=="string"&&n?n:t}function gt(n){if(!(!n||T.has(n.state)||n.state==="timer"))return n.state}function Qt(n,t){if(n==="history")return 14;let e=9;return t.status==="idle"?e+=4:t.status==="unavailable"?e+=1:e+=t.step?9:6,e}var Te=[{name:"config_entry_id",selector:{config_entry:{integration:x}}}];async function Re(){if(customElements.get("ha-form"))return;await customElements.get("hui-entities-card")?.getConfigElement?.()}var Y=class extends y{static{this.properties={hass:{attribute:!1},_config:{state:!0},_texts:{state:!0}}}setConfig(t){this._config=t}connectedCallback(){super.connectedCallback(),Re().then(()=>this.requestUpdate())}shouldUpdate(t){return!t.has("hass")||t.size>1?!0:t.get("hass")?.locale!==this.hass?.locale||!this._texts}willUpdate(){let t=this.hass,e=t&&F(t);t&&e&&e!==this._texts?.language&&q(t,e).then(s=>this._texts=s)}render(){return!this.hass||!this._config?c``:c`<ha-form
      .hass=${this.hass}
      .data=${this._config}
      .schema=${Te}
      .computeLabel=${()=>f(this._texts,"person")}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(t){t.stopPropagation();let e=t.detail.value.config_entry_id;!this._config||!e||e===this._config.config_entry_id||(this._config={...this._config,config_entry_id:e},this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:this._config},bubbles:!0,composed:!0})))}};var ee=84,te=12,Pe=56,se=864e5;function Me(n){return Date.parse(`${n}T00:00:00Z`)/se}function He(n){return new Date(n*se).toISOString().slice(0,10)}function ne(n,t,e=1){let s=new Map(n.days.map(l=>[l.date,l])),r=Me(n.date),i=(r+4)%7,d=r-(i-e+7)%7-(te-1)*7,o=[];for(let l=0;l<te;l+=1){let h=[];for(let u=0;u<7;u+=1){let m=d+l*7+u,g=He(m),_=s.get(g),A="none";m>r?A="future":_&&(A=_.met?.[t]?"met":"missed"),h.push({date:g,kind:A,flareUp:_?.flare_up===!0})}o.push(h)}return o}function re(n){return n.flat().filter(t=>t.kind==="met").length}function ie(n,t=Pe){return n.days.slice(-t).map(e=>{let s={exercise:(e.exercise??0)+(e.stretch??0),inversion:e.inversion??0,rest:e.rest??0},r=v.reduce((i,a)=>i+s[a],0);return typeof e.pain=="number"?{date:e.date,minutes:s,total:r,pain:e.pain}:{date:e.date,minutes:s,total:r}})}function ae(n){let t=Math.max(0,...n.map(e=>e.total));return Math.max(60,Math.ceil(t/30)*30)}function oe(n,t,e){let s=t/Math.max(1,n.length),r="",i=!1;return n.forEach((a,d)=>{if(a.pain===void 0){i=!1;return}let o=Math.round((d+.5)*s*10)/10,l=Math.round((e-a.pain/10*e)*10)/10;r+=`${i?"L":"M"}${o} ${l}`,i=!0}),r}var Z=560,w=160;function J(n,t,e){return new Intl.DateTimeFormat(n,{...e,timeZone:"UTC"}).format(new Date(`${t}T12:00:00Z`))}function De(n,t,e,s){let r=ne(t,e,s),i=n.language,a=d=>d==="met"?f(n,"met"):d==="missed"?f(n,"not_met"):"";return c`<figure class="calendar" data-goal=${e}>
    <figcaption>
      <span>${f(n,`goal.${e}`)}</span>
      <strong>${re(r)}</strong>
    </figcaption>
    <div class="weeks" role="grid">
      ${r.map(d=>c`<div class="week" role="row">
            ${d.map(o=>{let l=[J(i,o.date,{weekday:"short",day:"numeric",month:"short"}),a(o.kind),o.flareUp?f(n,"flare_up"):""].filter(Boolean).join(", ");return c`<span
                class="day ${o.kind} ${o.flareUp?"flare-day":""}"
                role="gridcell"
                title=${l}
                aria-label=${l}
              ></span>`})}
          </div>`)}
    </div>
  </figure>`}function Ue(n,t){let e=ae(t),s=Z/Math.max(1,t.length),r=Math.max(2,s-2),i=n.language,a=t.map((h,u)=>{let m=w,g=f(n,"day_summary",{date:J(i,h.date,{day:"numeric",month:"short"}),minutes:h.total,pain:h.pain===void 0?f(n,"no_pain"):h.pain});return G`<g class="bar"><title>${g}</title>${v.map(_=>{let A=h.minutes[_]/e*w;return m-=A,A>0?G`<rect class=${_} x=${u*s+1} y=${m} width=${r} height=${A}></rect>`:p})}</g>`}),d=t.map((h,u)=>h.pain===void 0?p:G`<circle class="pain-dot" cx=${(u+.5)*s} cy=${w-h.pain/10*w} r="3"></circle>`),o=t[0]?.date,l=t[t.length-1]?.date;return c`<figure class="chart">
    <svg viewBox="0 0 ${Z} ${w}" preserveAspectRatio="none" role="img"
      aria-label=${f(n,"pain_minutes_heading")}>
      <line class="grid" x1="0" x2=${Z} y1=${w/2} y2=${w/2}></line>
      ${a}
      <path class="pain-line" d=${oe(t,Z,w)}></path>
      ${d}
    </svg>
    <div class="axis">
      <span>${o?J(i,o,{day:"numeric",month:"short"}):""}</span>
      <span>${l?J(i,l,{day:"numeric",month:"short"}):""}</span>
    </div>
    <figcaption class="legend">
      ${v.map(h=>c`<span><i class="key ${h}"></i>${f(n,`goal.${h}`)}</span>`)}
      <span><i class="key pain"></i>${f(n,"pain_axis")}</span>
      <span class="scale">${f(n,"minutes_a_day")}: 0–${e}</span>
    </figcaption>
  </figure>`}function de(n,t,e,s){return t?c`<section class="history">
    <h2 class="heading">${f(n,"goals_heading")}</h2>
    <div class="calendars">
      ${v.map(r=>De(n,t,r,e))}
    </div>
    <div class="calendar-key">
      <span><i class="day met"></i>${f(n,"met")}</span>
      <span><i class="day missed"></i>${f(n,"not_met")}</span>
      <span><i class="day missed flare-day"></i>${f(n,"flare_up")}</span>
    </div>
    <h2 class="heading">${f(n,"pain_minutes_heading")}</h2>
    ${Ue(n,ie(t))}
    ${s?c`<a class="report" href=${s} target="_blank" rel="noopener"
          >${f(n,"report")}</a
        >`:p}
  </section>`:c`<section class="history"><p class="heading">${f(n,"loading")}</p></section>`}function ce(n,t){let e=[];for(let[s,r]of t)if(!n.get(s))try{n.define(s,r),e.push(s)}catch(i){console.warn(`Back Relief: could not define <${s}>`,i)}return e}function le(n,t,e="home-assistant"){let s=n();return ce(s,t),s.whenDefined(e).then(()=>{let r=n();return r===s?[]:ce(r,t)})}var pe=Q`
  :host {
    display: block;
    container-type: inline-size;
    --br-gap: 16px;
    --br-radius: var(--ha-card-border-radius, 12px);
    --br-accent: var(--primary-color, #03a9f4);
    --br-on-accent: var(--text-primary-color, #fff);
    --br-text: var(--primary-text-color, #212121);
    --br-muted: var(--secondary-text-color, #727272);
    --br-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --br-good: var(--success-color, #43a047);
    --br-stop: var(--error-color, #db4437);
    --br-warn: var(--warning-color, #ffa600);
  }

  ha-card {
    height: 100%;
    overflow: hidden;
  }
  .card {
    box-sizing: border-box;
    height: 100%;
    padding: var(--br-gap);
    display: grid;
    gap: var(--br-gap);
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: "head" "session" "goals" "pain" "error";
    align-content: start;
    color: var(--br-text);
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
    line-height: 1.3;
  }
  .card.showing-history {
    grid-template-areas: "head" "history" "error";
  }

  header {
    grid-area: head;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .tab {
    font-size: 18px;
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .name {
    font-size: clamp(24px, 5cqi, 40px);
    font-weight: 600;
    overflow-wrap: anywhere;
    min-width: 0;
  }

  section {
    min-width: 0;
  }
  .session {
    grid-area: session;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .goals {
    grid-area: goals;
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .pain {
    grid-area: pain;
  }
  .error {
    grid-area: error;
    color: var(--br-stop);
    font-size: 18px;
    overflow-wrap: anywhere;
  }
  .error:empty {
    display: none;
  }

  .heading {
    font-size: 18px;
    font-weight: 500;
    color: var(--br-muted);
    margin: 0;
  }

  button {
    font: inherit;
    color: inherit;
    min-height: 56px;
    min-width: 56px;
    border-radius: 12px;
    border: 2px solid transparent;
    padding: 8px 16px;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  button:focus-visible {
    outline: 3px solid var(--br-accent);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }

  .starts {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 12px;
  }
  .start {
    min-height: 88px;
    background: var(--br-accent);
    color: var(--br-on-accent);
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 2px;
  }
  .start .activity {
    font-size: clamp(20px, 4.5cqi, 28px);
    font-weight: 600;
  }
  .start .minutes {
    font-size: 18px;
    opacity: 0.9;
  }

  .now {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    flex-wrap: wrap;
    gap: 4px 12px;
  }
  .now .activity {
    font-size: clamp(26px, 6cqi, 44px);
    font-weight: 600;
  }
  .badge {
    font-size: 18px;
    font-weight: 600;
    padding: 4px 12px;
    border-radius: 999px;
    background: var(--br-warn);
    color: #000;
  }
  .countdown {
    font-size: clamp(72px, 22cqi, 168px);
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.02em;
    text-align: center;
    padding: 8px 0;
  }
  .paused .countdown {
    color: var(--br-muted);
  }
  .ends {
    text-align: center;
    font-size: 20px;
    color: var(--br-muted);
  }
  .controls {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 12px;
  }
  .controls button {
    min-height: 72px;
    font-size: 24px;
    font-weight: 600;
  }
  .pause,
  .resume {
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .resume {
    background: var(--br-accent);
    color: var(--br-on-accent);
  }
  .stop {
    background: var(--br-stop);
    color: #fff;
  }

  .goal .row {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    flex-wrap: wrap;
  }
  .goal .label {
    font-size: 20px;
    font-weight: 600;
  }
  .goal .amount {
    font-size: clamp(22px, 4.5cqi, 32px);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .goal .amount small {
    font-size: 18px;
    font-weight: 400;
    color: var(--br-muted);
  }
  .bar {
    height: 14px;
    border-radius: 7px;
    background: var(--br-divider);
    overflow: hidden;
    margin: 6px 0 4px;
  }
  .bar > div {
    height: 100%;
    border-radius: 7px;
    background: var(--br-accent);
  }
  .goal.met .bar > div {
    background: var(--br-good);
  }
  .streak {
    font-size: 18px;
    color: var(--br-muted);
  }
  .streak strong {
    color: var(--br-text);
  }

  .levels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(52px, 1fr));
    gap: 8px;
    margin-top: 8px;
  }
  .level {
    min-width: 52px;
    padding: 0;
    font-size: 22px;
    font-weight: 600;
    background: transparent;
    border-color: var(--br-divider);
  }
  .level[aria-pressed="true"] {
    background: var(--br-accent);
    border-color: var(--br-accent);
    color: var(--br-on-accent);
  }
  .pain .hint {
    font-size: 16px;
    color: var(--br-muted);
  }

  .flare {
    font-size: 18px;
    background: transparent;
    border-color: var(--br-divider);
    display: inline-flex;
    align-items: center;
    gap: 10px;
  }
  .flare .dot {
    width: 14px;
    height: 14px;
    border-radius: 50%;
    background: var(--br-divider);
  }
  .flare[aria-pressed="true"] {
    border-color: var(--br-warn);
  }
  .flare[aria-pressed="true"] .dot {
    background: var(--br-warn);
  }

  .message {
    font-size: 18px;
    padding: var(--br-gap);
  }

  .step-of {
    font-size: 20px;
    font-weight: 600;
    color: var(--br-muted);
  }
  .step {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 12px 16px;
    border-radius: 12px;
    background: color-mix(in srgb, var(--br-accent) 12%, transparent);
  }
  .step-name {
    font-size: clamp(24px, 5cqi, 36px);
    font-weight: 700;
  }
  .cue {
    margin: 0;
    font-size: clamp(20px, 3.4cqi, 24px);
  }
  .step-countdown {
    font-size: clamp(64px, 16cqi, 104px);
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  .step-controls {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 12px;
  }
  .step-controls button {
    font-size: 20px;
    font-weight: 600;
    background: var(--br-accent);
    color: var(--br-on-accent);
  }
  .step-controls .repeat-step {
    background: transparent;
    border-color: var(--br-accent);
    color: var(--br-accent);
  }
  .guided .countdown {
    font-size: clamp(32px, 7cqi, 44px);
    padding: 0;
  }
  .guided .controls button {
    min-height: 60px;
  }
  .guided.session {
    gap: 8px;
  }

  .history {
    grid-area: history;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .calendars {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
    gap: 12px 16px;
  }
  figure {
    margin: 0;
  }
  .calendar figcaption {
    display: flex;
    justify-content: space-between;
    font-size: 20px;
    font-weight: 600;
    margin-bottom: 6px;
  }
  .weeks {
    display: grid;
    grid-template-columns: repeat(12, minmax(0, 1fr));
    gap: 3px;
  }
  .week {
    display: grid;
    grid-template-rows: repeat(7, auto);
    gap: 3px;
  }
  .day {
    display: inline-block;
    aspect-ratio: 1;
    min-width: 0;
    border-radius: 3px;
    box-sizing: border-box;
    background: var(--br-divider);
  }
  .day.met {
    background: var(--br-good);
  }
  .day.none,
  .day.future {
    background: transparent;
    border: 1px dashed var(--br-divider);
  }
  .day.future {
    border: none;
  }
  .day.flare-day {
    outline: 2px solid var(--br-warn);
    outline-offset: -2px;
  }
  .calendar-key,
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 16px;
    font-size: 16px;
    color: var(--br-muted);
  }
  .calendar-key span,
  .legend span {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .calendar-key .day {
    width: 14px;
  }
  .chart svg {
    width: 100%;
    height: 180px;
    display: block;
  }
  .chart rect.exercise,
  .key.exercise {
    fill: var(--br-accent);
    background: var(--br-accent);
  }
  .chart rect.rest,
  .key.rest {
    fill: var(--br-good);
    background: var(--br-good);
  }
  .chart rect.inversion,
  .key.inversion {
    fill: var(--accent-color, #ff9800);
    background: var(--accent-color, #ff9800);
  }
  .chart .grid {
    stroke: var(--br-divider);
    stroke-dasharray: 4 4;
  }
  .pain-line {
    fill: none;
    stroke: var(--br-stop);
    stroke-width: 2.5;
    vector-effect: non-scaling-stroke;
  }
  .pain-dot {
    fill: var(--br-stop);
  }
  .key {
    display: inline-block;
    width: 14px;
    height: 14px;
    border-radius: 3px;
  }
  .key.pain {
    height: 3px;
    background: var(--br-stop);
  }
  .axis {
    display: flex;
    justify-content: space-between;
    font-size: 14px;
    color: var(--br-muted);
  }
  .report {
    align-self: flex-start;
    font-size: 18px;
    color: var(--br-accent);
    padding: 12px 0;
    min-height: 24px;
  }

  /* A tablet, or a wide column: session beside the goals, pain below. */
  @container (min-width: 720px) {
    .card {
      --br-gap: 24px;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      grid-template-areas: "head head" "session goals" "pain pain" "error error";
      column-gap: 40px;
    }
    .card.showing-history {
      grid-template-areas: "head head" "history history" "error error";
    }
    .starts {
      gap: 16px;
    }
    .start {
      min-height: 112px;
    }
    .levels {
      grid-template-columns: repeat(11, minmax(52px, 1fr));
    }
  }
`;var L="back-relief-card",ue="back-relief-card-editor",_t=class extends y{constructor(){super();this._ids={};this._session={status:"unavailable"};this._busy=!1,this._error="",this._view="today"}static{this.styles=pe}static{this.properties={hass:{attribute:!1},_config:{state:!0},_busy:{state:!0},_error:{state:!0},_texts:{state:!0},_view:{state:!0},_summary:{state:!0}}}static getConfigElement(){return document.createElement(ue)}static getStubConfig(e){let s=ft(e)[0];return s?{type:`custom:${L}`,config_entry_id:s.entryId}:{type:`custom:${L}`}}setConfig(e){if(!e||typeof e!="object")throw new Error("Invalid configuration");if(e.config_entry_id!==void 0&&typeof e.config_entry_id!="string")throw new Error("config_entry_id must be the id of a Back Relief entry");this._config=e}getCardSize(){return Qt(this._view,this._session)}getGridOptions(){return{columns:12,rows:"auto",min_columns:6,min_rows:8}}connectedCallback(){super.connectedCallback(),this._syncCountdown()}disconnectedCallback(){super.disconnectedCallback(),this._stopTimer()}shouldUpdate(e){if(!e.has("hass")||e.size>1)return!0;let s=e.get("hass"),r=this.hass;return!s||!r||s.devices!==r.devices||s.entities!==r.entities||s.locale!==r.locale?!0:It.some(i=>{let a=this._ids[i];return a!==void 0&&s.states[a]!==r.states[a]})}willUpdate(e){let s=this.hass;if(!s)return;let r=F(s);r!==this._language&&(this._language=r,q(s,r).then(d=>{this._language===r&&(this._texts=d)},()=>{this._language===r&&(this._texts=ht(r,{}))}));let i=e.get("hass"),a=e.has("hass")&&(!i||i.devices!==s.devices||i.entities!==s.entities);(e.has("_config")||a)&&(this._person=Lt(s,this._config?.config_entry_id),this._ids=this._person?Vt(s,this._person.deviceId):{}),this._session=Bt(this._state("sensor.session"),this._state("sensor.session_ends"))}updated(){this._syncCountdown()}_state(e){let s=this._ids[e];return s?this.hass?.states[s]:void 0}_t(e,s){return f(this._texts,e,s)}_days(e){return Nt(this._texts,"days",e)}render(){if(window.__backReliefRenders=(window.__backReliefRenders??0)+1,!this.hass||!this._config||!this._texts)return c`<ha-card></ha-card>`;let e=this._person;if(!e){let r=this._config.config_entry_id;return c`<ha-card>
        <div class="message">
          ${r?this._t("unknown_person",{entry_id:r}):this._t("choose_person")}
        </div>
      </ha-card>`}let s=this._view==="history";return c`<ha-card>
      <div
        class="card ${s?"showing-history":""}"
        role="group"
        aria-label=${this._t("card_label",{name:e.name})}
      >
        <header>
          <div class="name">${e.name}</div>
          <div class="tools">
            ${this._renderFlareUp()}
            <button
              class="tab"
              aria-pressed=${s?"true":"false"}
              @click=${()=>this._showView(s?"today":"history")}
            >
              ${s?this._t("today"):this._t("history")}
            </button>
          </div>
        </header>
        ${s?de(this._texts,this._summary,this._firstWeekday(),this._reportUrl):c`${this._renderSession()} ${this._renderGoals()} ${this._renderPain()}`}
        <div class="error" role="alert">${this._error}</div>
      </div>
    </ha-card>`}_renderFlareUp(){let e=Xt(this._state("switch.flare_up"));return e===void 0?p:c`<button
      class="flare"
      aria-pressed=${e?"true":"false"}
      ?disabled=${this._busy}
      title=${e?this._t("flare_on_hint"):this._t("flare_off_hint")}
      @click=${()=>this._toggleFlareUp(e)}
    >
      <span class="dot"></span>${e?this._t("flare_on"):this._t("flare_off")}
    </button>`}_renderSession(){let e=this._session;if(e.status==="unavailable")return c`<section class="session">
        <p class="heading">${this._t("session_unavailable")}</p>
      </section>`;if(e.status==="idle")return this._renderStarts();let s=e.activity?this._t(`activity.${e.activity}`):"",r=e.step;return c`<section class="session ${e.status} ${r?"guided":""}">
      <div class="now">
        <span class="activity">${s}</span>
        ${r?.count?c`<span class="step-of">${this._t("step_of",{number:r.number,count:r.count})}</span>`:p}
        ${e.status==="paused"?c`<span class="badge">${this._t("paused")}</span>`:p}
      </div>
      ${r?c`<div class="step">
            <div class="step-name">
              ${r.name}${r.side?c` · ${this._t(`side.${r.side}`)}`:p}
            </div>
            ${r.cue?c`<p class="cue">${r.cue}</p>`:p}
            ${r.endsAt!==void 0?c`<div class="step-countdown" role="timer" aria-label=${this._t("step_time_left")}></div>`:p}
            <div class="step-controls">
              <button class="repeat-step" ?disabled=${this._busy} @click=${()=>this._call("repeat_step")}>
                ${this._t("repeat_step")}
              </button>
              <button class="next-step" ?disabled=${this._busy} @click=${()=>this._call("next_step")}>
                ${this._t("next_step")}
              </button>
            </div>
          </div>`:p}
      <div class="countdown" role="timer" aria-label=${this._t("time_left")}></div>
      <div class="ends">${this._endsText(e)}</div>
      <div class="controls">
        ${Ft(e.status).map(i=>c`<button
              class=${i}
              ?disabled=${this._busy}
              @click=${()=>this._call(`${i}_session`)}
            >
              ${this._t(i)}
            </button>`)}
      </div>
    </section>`}_renderStarts(){let e={};for(let i of K)e[i]=this._state(`number.${i}_duration`);let s=this._state("select.stretch_routine"),r=gt(s);return c`<section class="session idle">
      <h2 class="heading">${this._t("start_heading")}</h2>
      <div class="starts">
        ${Kt("idle",e).map(({activity:i,minutes:a})=>{let o=i==="stretch"&&r!==void 0&&s!==void 0?this.hass?.formatEntityState?.(s)??r:a===void 0?void 0:this._t("minutes",{minutes:a});return c`<button
            class="start"
            data-activity=${i}
            ?disabled=${this._busy}
            @click=${()=>this._start(i,a)}
          >
            <span class="activity">${this._t(`activity.${i}`)}</span>
            ${o===void 0?p:c`<span class="minutes">${o}</span>`}
          </button>`})}
      </div>
    </section>`}_endsText(e){let s=e.plannedMinutes?this._t("session_minutes",{minutes:e.plannedMinutes}):"";if(e.status!=="running"||e.endsAt===void 0)return s;let r=new Intl.DateTimeFormat(this._texts?.language,{hour:"numeric",minute:"2-digit"}).format(new Date(e.endsAt)),i=this._t("ends_at",{time:r});return s?`${s} · ${i}`:i}_renderGoals(){return c`<section class="goals">
      <h2 class="heading">${this._t("today")}</h2>
      ${v.map(e=>{let s=Yt(this._state(`sensor.${e}_today`)),r=Zt(this._state(`sensor.${e}_streak`));if(!s&&!r)return p;let i=Math.round((s?.fraction??0)*100),a=this._t(`goal.${e}`);return c`<div class="goal ${s?.met?"met":""}" data-goal=${e}>
          <div class="row">
            <span class="label">${a}</span>
            ${s?c`<span class="amount"
                  >${s.minutes}${s.goal===void 0?p:c`<small> ${this._t("of_goal",{goal:s.goal})}</small>`}</span
                >`:p}
          </div>
          <div
            class="bar"
            role="progressbar"
            aria-label=${this._t("goal_today",{goal:a})}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${i}
          >
            <div style="width: ${i}%"></div>
          </div>
          ${r?c`<div class="streak">
                ${this._t("streak")} <strong>${this._days(r.days)}</strong>${r.best?c` · ${this._t("best",{days:this._days(r.best)})}`:p}
              </div>`:p}
        </div>`})}
    </section>`}_renderPain(){if(!this._ids["sensor.pain_level"])return p;let e=Jt(this._state("sensor.pain_level"));return c`<section class="pain">
      <h2 class="heading">${this._t("pain_heading")}</h2>
      <div class="levels" role="group" aria-label=${this._t("pain_level")}>
        ${zt.map(s=>c`<button
              class="level"
              aria-pressed=${e===s?"true":"false"}
              ?disabled=${this._busy}
              @click=${()=>this._call("log_pain",{level:s})}
            >
              ${s}
            </button>`)}
      </div>
    </section>`}_firstWeekday(){return this.hass?.locale?.first_weekday==="sunday"?0:1}_showView(e){this._view=e,this._error="",e==="history"&&this._loadHistory()}async _loadHistory(){let e=this.hass,s=this._person?.entryId;if(!e||!s)return;this._summary=void 0;let r=`/api/${x}/report/${s}`;try{let[i,a]=await Promise.all([e.callWS({type:"call_service",domain:x,service:"get_summary",service_data:{days:ee,config_entry_id:s},return_response:!0}),e.callWS({type:"auth/sign_path",path:r,expires:3600}).then(d=>d.path).catch(()=>r)]);if(this._view!=="history"||this._person?.entryId!==s)return;this._reportUrl=a,this._summary=i.response}catch(i){this._error=mt(i,this._t("refused"))}}_syncCountdown(){this._stopTimer(),this.isConnected&&this._tick()}_tick(){this._timer=void 0;let e=this.renderRoot,s=e?.querySelector(".countdown"),r=e?.querySelector(".step-countdown");if(!s&&!r)return;let i=Date.now(),a=Gt(this._session,i),d=jt(this._session,i);for(let[l,h]of[[s,a],[r,d]]){let u=qt(h);l&&l.textContent!==u&&(l.textContent=u)}if(window.__backReliefTicks=(window.__backReliefTicks??0)+1,this._session.status!=="running")return;let o=Wt([a,d]);o!==void 0&&(this._timer=setTimeout(()=>this._tick(),o))}_stopTimer(){this._timer!==void 0&&clearTimeout(this._timer),this._timer=void 0}_start(e,s){let r=this._ids["button.start_stretch"];if(e==="stretch"&&r&&gt(this._state("select.stretch_routine"))){this._run(()=>this.hass.callService("button","press",{entity_id:r}));return}let i={activity:e};s!==void 0&&(i.duration=s),this._call("start_session",i)}_toggleFlareUp(e){let s=this._ids["switch.flare_up"];s&&this._run(()=>this.hass.callService("switch",e?"turn_off":"turn_on",{entity_id:s}))}async _call(e,s={}){let r=this._person?.entryId;r&&await this._run(()=>this.hass.callService(x,e,{...s,config_entry_id:r}))}async _run(e){if(!(!this.hass||this._busy)){this._busy=!0,this._error="";try{await e()}catch(s){this._error=mt(s,this._t("refused"))}finally{this._busy=!1}}}};le(()=>window.customElements,[[ue,Y],[L,_t]]);window.customCards?.some(n=>n.type===L)||(window.customCards=window.customCards??[],window.customCards.push({type:L,name:"Back Relief",description:"A person's back-care routine: the session with a live countdown and guided steps, goals, streaks and history.",preview:!0,documentationURL:"https://github.com/back-relief/back-relief#the-dashboard-card"}));export{_t as BackReliefCard};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
